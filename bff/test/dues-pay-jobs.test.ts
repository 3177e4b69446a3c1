// The jobs behind lost and abandoned payments: orders without news for 2 minutes are queried (a lost
// notification is completed through the same ledger), expired orders are queried first and then closed
// at WeChat Pay and here — one paid at the last second is applied, not closed.
import { PayJobs } from '../src/modules/dues/payments/pay-jobs';
import { currentBackend } from './support/backends';
import {
  billRow,
  dev,
  insertBill,
  MERCHANT,
  notificationRows,
  orderBills,
  orderRow,
  startPayWorld,
  type PayWorld,
} from './dues-pay-orders-app';

const backend = currentBackend();
const MINUTE = 60_000;

describe(`WeChat Pay order jobs on ${backend.name}`, () => {
  let w: PayWorld;
  let jobs: PayJobs;
  jest.setTimeout(120_000);

  beforeAll(async () => {
    w = await startPayWorld(backend, 'publicKey');
    jobs = await w.t.get(PayJobs);
  });
  afterAll(async () => {
    await w?.close();
  });

  async function order(month: string, amountFen = 150) {
    const bill = await insertBill(w.t, w.members.a1, month, amountFen);
    const res = await orderBills(w.t, w.members.a1.user, [bill.id]);
    expect(res.status).toBe(200);
    return { bill, outTradeNo: res.body.data.outTradeNo as string };
  }

  const payWithoutNotification = (outTradeNo: string) =>
    dev(w.sim, 'POST', '/__dev/pay', { out_trade_no: outTradeNo, mchid: MERCHANT.mchid, notify: false });

  it('queries orders without news after 2 minutes and completes a lost notification, once', async () => {
    const lost = await order('2024-01');
    const unpaid = await order('2024-02');
    expect((await payWithoutNotification(lost.outTradeNo)).status).toBe(200);
    // Too early: an order younger than 2 minutes is left to its notification.
    expect(await jobs.queryPending(new Date())).toMatchObject({ queried: 0 });
    const later = new Date(Date.now() + 3 * MINUTE);
    expect(await jobs.queryPending(later)).toEqual({ queried: 2, applied: 1, closed: 0 });
    expect(await orderRow(w.t, lost.outTradeNo)).toMatchObject({ status: 'paid' });
    expect(await billRow(w.t, lost.bill.id)).toMatchObject({ status: 'paid', paidVia: 'wechat', version: 2 });
    expect(await orderRow(w.t, unpaid.outTradeNo)).toMatchObject({ status: 'created' });
    // Again: nothing left to apply.
    expect(await jobs.queryPending(later)).toEqual({ queried: 1, applied: 0, closed: 0 });
    expect((await notificationRows(w.t, lost.outTradeNo)).map((r) => [r.source, r.outcome])).toEqual([
      ['query', 'applied'],
    ]);
  });

  it('closes expired orders at WeChat Pay and here, but applies one that was paid at the last second', async () => {
    const abandoned = await order('2024-03');
    const lastSecond = await order('2024-04');
    await payWithoutNotification(lastSecond.outTradeNo);
    const afterExpiry = new Date(Date.now() + 31 * MINUTE);
    const result = await jobs.closeExpired(afterExpiry);
    expect(result.applied).toBe(1);
    expect(result.closed).toBeGreaterThanOrEqual(1);
    expect(await orderRow(w.t, abandoned.outTradeNo)).toMatchObject({ status: 'closed' });
    expect(w.sim.orders().find((o) => o.outTradeNo === abandoned.outTradeNo)).toMatchObject({ state: 'CLOSED' });
    expect(await billRow(w.t, abandoned.bill.id)).toMatchObject({ status: 'unpaid' });
    expect(await orderRow(w.t, lastSecond.outTradeNo)).toMatchObject({ status: 'paid' });
    expect(await billRow(w.t, lastSecond.bill.id)).toMatchObject({
      status: 'paid',
      paidOrderNo: lastSecond.outTradeNo,
    });
    // The member can order the abandoned bill again.
    const again = await orderBills(w.t, w.members.a1.user, [abandoned.bill.id]);
    expect(again.status).toBe(200);
    expect(again.body.data.outTradeNo).not.toBe(abandoned.outTradeNo);
  });
});
