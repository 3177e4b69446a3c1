import type { MpPayOrderVO } from '@zhili/shared/client';
import { AppError, ClientErrorCode, NETWORK_ERROR_MESSAGE } from '../../../services/errors';
import {
  CONFIRM_ATTEMPTS,
  confirmDelayMs,
  confirmPayment,
  OFFLINE_PENDING_MESSAGE,
  orderFailure,
  payBusy,
  payStatusLine,
  PENDING_MESSAGE,
  type SheetOutcome,
  UNAVAILABLE_MESSAGE,
} from './pay-confirm';

const order = (status: MpPayOrderVO['status']): MpPayOrderVO => ({
  outTradeNo: 'D202612070001',
  status,
  amountFen: 4500,
  description: '党费 2026年12月',
  billIds: ['b1'],
  paidAt: status === 'paid' ? '2026-12-07T02:05:00.000Z' : null,
  expiresAt: '2026-12-07T02:30:00.000Z',
});

/** A BFF that answers each ask with the next script entry (the last one repeats). */
function bff(...script: (MpPayOrderVO | Error)[]) {
  const asked: string[] = [];
  const waits: number[] = [];
  const options = {
    fetchOrder: (no: string) => {
      asked.push(no);
      const next = script[Math.min(asked.length - 1, script.length - 1)];
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    },
    wait: (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    },
  };
  return { asked, waits, options };
}

const confirm = (outcome: SheetOutcome, b: ReturnType<typeof bff>) =>
  confirmPayment('D202612070001', outcome, b.options);

describe('confirming a payment with the BFF', () => {
  it('reports paid only when the BFF says so, after a late notification', async () => {
    const b = bff(order('created'), order('created'), order('paid'));
    await expect(confirm('submitted', b)).resolves.toMatchObject({ kind: 'paid', order: { status: 'paid' } });
    expect(b.asked).toHaveLength(3);
    expect(b.waits).toEqual([confirmDelayMs(1), confirmDelayMs(2)]);
  });

  it('does not believe a sheet that said success: still unpaid after every ask is pending, not paid', async () => {
    const b = bff(order('created'));
    await expect(confirm('submitted', b)).resolves.toEqual({ kind: 'pending', message: PENDING_MESSAGE });
    expect(b.asked).toHaveLength(CONFIRM_ATTEMPTS.submitted);
  });

  it('asks once after a cancel and says 已取消 without alarm, unless the member had paid after all', async () => {
    const unpaid = bff(order('created'));
    await expect(confirm('cancelled', unpaid)).resolves.toEqual({ kind: 'cancelled' });
    expect(unpaid.asked).toHaveLength(1);
    const paidAnyway = bff(order('paid'));
    await expect(confirm('cancelled', paidAnyway)).resolves.toMatchObject({ kind: 'paid' });
  });

  it('treats coming back from the h5 payment page unpaid as cancelled, after a few asks', async () => {
    const b = bff(order('created'));
    await expect(confirm('returned', b)).resolves.toEqual({ kind: 'cancelled' });
    expect(b.asked).toHaveLength(CONFIRM_ATTEMPTS.returned);
    await expect(confirm('returned', bff(order('created'), order('paid')))).resolves.toMatchObject({ kind: 'paid' });
  });

  it('stops at a closed order', async () => {
    const b = bff(order('closed'));
    await expect(confirm('submitted', b)).resolves.toEqual({ kind: 'closed' });
    expect(b.asked).toHaveLength(1);
  });

  it('keeps asking through a lost connection and says so when it never comes back', async () => {
    const offline = new AppError(ClientErrorCode.NETWORK, NETWORK_ERROR_MESSAGE, 0);
    await expect(confirm('submitted', bff(offline, order('paid')))).resolves.toMatchObject({ kind: 'paid' });
    await expect(confirm('submitted', bff(offline))).resolves.toEqual({
      kind: 'pending',
      message: OFFLINE_PENDING_MESSAGE,
    });
    // After a cancel with no connection the outcome is unknown: never "已取消" as if we knew.
    await expect(confirm('cancelled', bff(offline))).resolves.toEqual({
      kind: 'pending',
      message: OFFLINE_PENDING_MESSAGE,
    });
  });

  it('passes a refusal of the sheet on with its message', async () => {
    await expect(confirm('failed', bff(order('created')))).resolves.toEqual({
      kind: 'failed',
      message: '支付没有完成，请稍后重试',
    });
  });

  it('waits a little longer each time, never more than 3 s', () => {
    expect([1, 2, 3, 4, 5, 10].map(confirmDelayMs)).toEqual([1000, 1500, 2000, 2500, 3000, 3000]);
  });
});

describe('what the member is told', () => {
  const format = { yuan: (fen: number) => `¥${(fen / 100).toFixed(2)}`, time: (iso: string) => iso.slice(0, 10) };

  it('says 已缴 with the amount and time only for an order the BFF confirmed', () => {
    expect(payStatusLine({ kind: 'paid', order: order('paid') }, format)).toEqual({
      tone: 'success',
      text: '已缴 ¥45.00，支付时间 2026-12-07',
    });
    expect(payStatusLine({ kind: 'confirming' }, format)?.text).toBe('正在确认…');
    expect(payStatusLine({ kind: 'cancelled' }, format)).toEqual({ tone: 'info', text: '已取消，可重新缴纳' });
    expect(payStatusLine({ kind: 'idle' }, format)).toBeNull();
  });

  it('turns a 503 into "pay the branch in cash" and keeps other reasons', () => {
    const off = new AppError('SERVICE_UNAVAILABLE', '暂未开通微信支付，请联系支部缴纳', 503);
    expect(orderFailure(off)).toEqual({ kind: 'unavailable' });
    expect(payStatusLine(orderFailure(off), format)?.text).toBe(UNAVAILABLE_MESSAGE);
    expect(orderFailure(new AppError('NOT_FOUND', '账单不存在', 404))).toEqual({
      kind: 'failed',
      message: '账单不存在',
    });
    expect(orderFailure(new Error('x'))).toMatchObject({ kind: 'failed' });
  });

  it('keeps the button waiting only while the flow runs', () => {
    expect(payBusy({ kind: 'confirming' })).toBe(true);
    expect(payBusy({ kind: 'leaving' })).toBe(true);
    expect(payBusy({ kind: 'cancelled' })).toBe(false);
    expect(payBusy({ kind: 'unavailable' })).toBe(false);
  });
});
