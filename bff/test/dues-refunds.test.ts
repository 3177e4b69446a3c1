import type { DuesRefundVO } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { dataSourceOf } from './support/staff-fixtures';
import { AuditLog } from '../src/core/audit';
import { DuesBill } from '../src/modules/dues/bills/dues-bill.entity';
import { PayNotification } from '../src/modules/dues/payments/pay-notification.entity';
import { PayOrder } from '../src/modules/dues/payments/pay-order.entity';
import { DuesRefund } from '../src/modules/dues/refunds/dues-refund.entity';
import { RefundService } from '../src/modules/dues/refunds/refund.service';
import {
  forwardRefund,
  paidOrder,
  refundNotificationFor,
  startDuesPayWorld,
  type DuesPayWorld,
  type Who,
} from './dues-refunds-fixtures';

const backend = currentBackend();

/**
 * Refunds of WeChat Pay dues orders against the simulator: full and partial, the order's amount as the
 * limit, the refund notification verified over the raw body and applied once, the on-read query for a
 * notification that never came, and who may do it (dues:finance, within the party scope).
 */
describe(`dues refunds on ${backend.name}`, () => {
  let w: DuesPayWorld;
  jest.setTimeout(180_000);

  beforeAll(async () => {
    w = await startDuesPayWorld('refund');
  });
  afterAll(async () => {
    await w?.close();
  });

  const refund = (who: Who, outTradeNo: string, body: object) =>
    w.t.http().post(`/api/admin/dues/orders/${outTradeNo}/refunds`).set('Authorization', who.auth).send(body);
  const ds = () => dataSourceOf(w.t);
  const orderOf = async (no: string) => (await ds()).getRepository(PayOrder).findOneByOrFail({ outTradeNo: no });
  const billsOf = async (no: string) => (await ds()).getRepository(DuesBill).findBy({ paidOrderNo: no });
  const refundRow = async (no: string) => (await ds()).getRepository(DuesRefund).findOneByOrFail({ outRefundNo: no });

  it('a full refund: PROCESSING at first, the notification makes the order and its bills refunded; a copy changes nothing', async () => {
    const { outTradeNo } = await paidOrder(w, w.branchA, [150, 150]);
    const res = await refund(w.finance, outTradeNo, { amountFen: 300, reason: '重复缴纳，全额退回' });
    expect(res.status).toBe(201);
    const created = res.body.data as DuesRefundVO;
    expect(created).toMatchObject({ outTradeNo, amountFen: 300, status: 'PROCESSING', orderAmountFen: 300 });
    const atWechat = w.sim.refunds().find((r) => r.outRefundNo === created.outRefundNo);
    // Its notification goes to the refund callback: the payment callback refuses REFUND.* events.
    expect(atWechat?.notifyUrl).toMatch(/\/refund$/);
    expect((await orderOf(outTradeNo)).refundedFen).toBe(0);

    const notification = await refundNotificationFor(w, created.outRefundNo);
    const first = await forwardRefund(w, notification);
    expect(first.status).toBe(204);
    expect(await refundRow(created.outRefundNo)).toMatchObject({ status: 'SUCCESS' });
    expect(await orderOf(outTradeNo)).toMatchObject({ status: 'refunded', refundedFen: 300 });
    expect((await billsOf(outTradeNo)).map((b) => b.status)).toEqual(['refunded', 'refunded']);

    // WeChat Pay sends it again (a retry): applied once only.
    const again = await forwardRefund(w, notification);
    expect(again.status).toBe(204);
    expect(await orderOf(outTradeNo)).toMatchObject({ status: 'refunded', refundedFen: 300 });
    const records = await (
      await ds()
    )
      .getRepository(PayNotification)
      .find({ where: { outTradeNo, eventType: 'REFUND.SUCCESS' }, order: { receivedAt: 'ASC' } });
    expect(records.map((r) => r.outcome)).toEqual(['applied', 'duplicate']);

    const audit = await (await ds()).getRepository(AuditLog).findBy({ action: 'party.dues.refund.request' });
    expect(audit.some((a) => a.resourceId === created.outRefundNo && a.result === 'success')).toBe(true);
    // Nothing left to refund: the order is no longer paid.
    expect((await refund(w.finance, outTradeNo, { amountFen: 1, reason: '再退' })).status).toBe(409);
  });

  it('partial refunds keep the bills paid until the whole amount is back; more than the order is refused', async () => {
    const { outTradeNo } = await paidOrder(w, w.branchA, [200, 300]);
    const part = await refund(w.finance, outTradeNo, { amountFen: 200, reason: '多缴部分退回' });
    expect(part.status).toBe(201);
    const firstNo = (part.body.data as DuesRefundVO).outRefundNo;
    expect((await forwardRefund(w, await refundNotificationFor(w, firstNo))).status).toBe(204);
    expect(await orderOf(outTradeNo)).toMatchObject({ status: 'paid', refundedFen: 200 });
    expect((await billsOf(outTradeNo)).map((b) => b.status)).toEqual(['paid', 'paid']);

    const refundsAtSim = w.sim.refunds().length;
    const over = await refund(w.finance, outTradeNo, { amountFen: 301, reason: '超额' });
    expect(over.status).toBe(400);
    expect(over.body.error.details[0]).toMatchObject({ field: 'body.amountFen' });
    expect(over.body.error.details[0].message).toContain('不能超过订单金额');
    expect(w.sim.refunds().length).toBe(refundsAtSim);

    const rest = await refund(w.finance, outTradeNo, { amountFen: 300, reason: '余款退回' });
    expect(rest.status).toBe(201);
    const restNo = (rest.body.data as DuesRefundVO).outRefundNo;
    expect((await forwardRefund(w, await refundNotificationFor(w, restNo))).status).toBe(204);
    expect(await orderOf(outTradeNo)).toMatchObject({ status: 'refunded', refundedFen: 500 });
    expect((await billsOf(outTradeNo)).map((b) => b.status)).toEqual(['refunded', 'refunded']);
  });

  it('refuses a refund above the order at once, of an order not paid, and bad input, with nothing sent', async () => {
    const { outTradeNo } = await paidOrder(w, w.branchA, [100]);
    const before = w.sim.refunds().length;
    expect((await refund(w.finance, outTradeNo, { amountFen: 101, reason: '超额' })).status).toBe(400);
    expect((await refund(w.finance, outTradeNo, { amountFen: 0, reason: '零' })).status).toBe(400);
    expect((await refund(w.finance, outTradeNo, { amountFen: 1.5, reason: '小数' })).status).toBe(400);
    expect((await refund(w.finance, outTradeNo, { amountFen: 50, reason: '' })).status).toBe(400);
    expect((await refund(w.finance, 'NOSUCHORDER1', { amountFen: 50, reason: '无此单' })).status).toBe(404);
    const ds0 = await ds();
    await ds0.getRepository(PayOrder).update({ outTradeNo }, { status: 'created' });
    expect((await refund(w.finance, outTradeNo, { amountFen: 50, reason: '未支付' })).status).toBe(409);
    await ds0.getRepository(PayOrder).update({ outTradeNo }, { status: 'paid' });
    expect(w.sim.refunds().length).toBe(before);
  });

  it('a refund notification with a bad signature changes nothing; the genuine one then applies', async () => {
    const { outTradeNo } = await paidOrder(w, w.branchA, [120]);
    const res = await refund(w.finance, outTradeNo, { amountFen: 120, reason: '退回' });
    const no = (res.body.data as DuesRefundVO).outRefundNo;
    const genuine = await refundNotificationFor(w, no);
    const sig = String(genuine.headers['wechatpay-signature']);
    const forged = `${sig.slice(0, 10)}${sig[10] === 'A' ? 'B' : 'A'}${sig.slice(11)}`;
    const refused = await forwardRefund(w, genuine, { 'wechatpay-signature': forged });
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({ code: 'FAIL', message: '签名错误' });
    // The same bytes with one character changed: the signature no longer covers them.
    const altered = await w.t
      .http()
      .post('/api/callbacks/wechatpay/refund')
      .set('Content-Type', 'application/json')
      .set('Wechatpay-Timestamp', String(genuine.headers['wechatpay-timestamp']))
      .set('Wechatpay-Nonce', String(genuine.headers['wechatpay-nonce']))
      .set('Wechatpay-Signature', sig)
      .set('Wechatpay-Serial', String(genuine.headers['wechatpay-serial']))
      .send(genuine.body.replace('"id":"', '"id":"x'));
    expect(altered.status).toBe(401);
    expect(await refundRow(no)).toMatchObject({ status: 'PROCESSING' });
    expect(await orderOf(outTradeNo)).toMatchObject({ status: 'paid', refundedFen: 0 });
    const bad = await (await ds()).getRepository(PayNotification).countBy({ outcome: 'bad_signature' });
    expect(bad).toBeGreaterThanOrEqual(2);

    expect((await forwardRefund(w, genuine)).status).toBe(204);
    expect(await orderOf(outTradeNo)).toMatchObject({ status: 'refunded', refundedFen: 120 });
  });

  it('a refund whose notification never arrives is completed by the list reading WeChat Pay', async () => {
    const { outTradeNo } = await paidOrder(w, w.branchA, [80]);
    const res = await refund(w.finance, outTradeNo, { amountFen: 30, reason: '部分退回' });
    const no = (res.body.data as DuesRefundVO).outRefundNo;
    expect(await refundRow(no)).toMatchObject({ status: 'PROCESSING' });
    const list = await w.t
      .http()
      .get(`/api/admin/dues/refunds?outTradeNo=${outTradeNo}`)
      .set('Authorization', w.finance.auth);
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([
      expect.objectContaining({ outRefundNo: no, status: 'SUCCESS', amountFen: 30, orderRefundedFen: 30 }),
    ]);
    expect(await orderOf(outTradeNo)).toMatchObject({ status: 'paid', refundedFen: 30 });
    // The notification arriving late afterwards is a duplicate.
    expect((await forwardRefund(w, await refundNotificationFor(w, no))).status).toBe(204);
    expect((await orderOf(outTradeNo)).refundedFen).toBe(30);
  });

  it('copies of one notification arriving at once are applied once', async () => {
    const { outTradeNo } = await paidOrder(w, w.branchA, [70, 70]);
    const res = await refund(w.finance, outTradeNo, { amountFen: 140, reason: '全额退回' });
    const no = (res.body.data as DuesRefundVO).outRefundNo;
    const n = await refundNotificationFor(w, no);
    const answers = await Promise.all([forwardRefund(w, n), forwardRefund(w, n), forwardRefund(w, n)]);
    expect(answers.map((a) => a.status)).toEqual([204, 204, 204]);
    expect(await orderOf(outTradeNo)).toMatchObject({ status: 'refunded', refundedFen: 140 });
    const outcomes = (await (await ds()).getRepository(PayNotification).findBy({ outTradeNo })).map((r) => r.outcome);
    expect(outcomes.sort()).toEqual(['applied', 'duplicate', 'duplicate']);
  });

  it('the job completes refunds still PROCESSING after a minute', async () => {
    const { outTradeNo } = await paidOrder(w, w.branchA, [40]);
    const res = await refund(w.finance, outTradeNo, { amountFen: 40, reason: '退回' });
    const no = (res.body.data as DuesRefundVO).outRefundNo;
    const service = await w.t.get(RefundService);
    expect(await service.refreshProcessing(new Date())).toBe(0);
    expect(await refundRow(no)).toMatchObject({ status: 'PROCESSING' });
    expect(await service.refreshProcessing(new Date(Date.now() + 2 * 60_000))).toBeGreaterThanOrEqual(1);
    expect(await refundRow(no)).toMatchObject({ status: 'SUCCESS' });
    expect(await orderOf(outTradeNo)).toMatchObject({ status: 'refunded', refundedFen: 40 });
  });

  it('only dues:finance refunds, and only orders within the party scope', async () => {
    const { outTradeNo } = await paidOrder(w, w.branchA, [60]);
    expect((await refund(w.secretary, outTradeNo, { amountFen: 10, reason: '越权' })).status).toBe(403);
    const list = await w.t.http().get('/api/admin/dues/refunds').set('Authorization', w.secretary.auth);
    expect(list.status).toBe(403);
    // dues:finance assigned to branch B only: branch A's order does not exist for them.
    expect((await refund(w.branchFinance, outTradeNo, { amountFen: 10, reason: '越界' })).status).toBe(404);
    const theirs = await w.t.http().get('/api/admin/dues/refunds').set('Authorization', w.branchFinance.auth);
    expect(theirs.status).toBe(200);
    expect(theirs.body.data).toEqual([]);
    expect(await orderOf(outTradeNo)).toMatchObject({ refundedFen: 0 });
  });
});
