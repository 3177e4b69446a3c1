// Ordering with WeChat Pay: the member's own unpaid bills only, the amount from the bills, an open order
// reused for the same bills and closed when other bills overlap it; the return page's query completes a
// payment whose notification never came; the admin's order list stays within the party scope.
import type { AdminPayOrderVO } from '@zhili/shared';
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

describe(`WeChat Pay orders on ${backend.name}`, () => {
  let w: PayWorld;
  jest.setTimeout(120_000);

  beforeAll(async () => {
    w = await startPayWorld(backend, 'publicKey');
  });
  afterAll(async () => {
    await w?.close();
  });

  const simOrder = (no: string) => w.sim.orders().find((o) => o.outTradeNo === no);

  it('orders the sum of the bills with a description and attach from the bills, and a payable prepay', async () => {
    const nov = await insertBill(w.t, w.members.a1, '2026-11', 150);
    const dec = await insertBill(w.t, w.members.a1, '2026-12', 150);
    const res = await orderBills(w.t, w.members.a1.user, [dec.id, nov.id]);
    expect(res.status).toBe(200);
    const { outTradeNo, amountFen, payment } = res.body.data;
    expect(outTradeNo).toMatch(/^[A-Za-z0-9]{6,32}$/);
    expect(amountFen).toBe(300);
    expect(payment).toMatchObject({
      appId: MERCHANT.appid,
      signType: 'RSA',
      package: expect.stringMatching(/^prepay_id=/),
    });
    // WeChat's client accepts the signed parameters.
    expect((await dev(w.sim, 'POST', '/__dev/request-payment', payment)).json).toMatchObject({ ok: true });
    const order = await orderRow(w.t, outTradeNo);
    expect(order).toMatchObject({ status: 'created', amountFen: 300, description: '党费 2026年11月—2026年12月' });
    expect(JSON.parse(order.billIds)).toEqual([nov.id, dec.id]);
    const atWechat = simOrder(outTradeNo)!;
    expect(atWechat).toMatchObject({ totalFen: 300, description: '党费 2026年11月—2026年12月' });
    expect(String(atWechat.attach).length).toBeLessThanOrEqual(128);
    expect(atWechat.attach).toContain(w.members.a1.id);
  });

  it('refuses an amount sent by the client (the body takes bill ids only)', async () => {
    const bill = await insertBill(w.t, w.members.a1, '2026-10', 150);
    const res = await orderBills(w.t, w.members.a1.user, [bill.id], { amountFen: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it("answers 404 for another member's bill and for a bill that does not exist; 409 for a paid one", async () => {
    const theirs = await insertBill(w.t, w.members.a2, '2026-12', 150);
    const mine = await insertBill(w.t, w.members.a1, '2026-09', 150);
    expect((await orderBills(w.t, w.members.a1.user, [mine.id, theirs.id])).status).toBe(404);
    expect((await orderBills(w.t, w.members.a1.user, ['no-such-bill'])).status).toBe(404);
    const paid = await insertBill(w.t, w.members.a1, '2026-08', 150);
    const { dataSourceOf } = await import('./support/staff-fixtures');
    await (
      await dataSourceOf(w.t)
    ).query("UPDATE dues_bill SET status = 'paid', paid_via = 'cash' WHERE id = ?", [paid.id]);
    const res = await orderBills(w.t, w.members.a1.user, [paid.id]);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('已缴纳');
  });

  it('reuses the open order for the same bills (no second prepay) and closes it when other bills overlap', async () => {
    const a = await insertBill(w.t, w.members.a2, '2026-06', 150);
    const b = await insertBill(w.t, w.members.a2, '2026-07', 150);
    const prepays = () => w.sim.requests().filter((r) => r.path === '/v3/pay/transactions/jsapi').length;
    const first = (await orderBills(w.t, w.members.a2.user, [a.id])).body.data;
    const before = prepays();
    const again = (await orderBills(w.t, w.members.a2.user, [a.id])).body.data;
    expect(again.outTradeNo).toBe(first.outTradeNo);
    expect(again.payment.package).toBe(first.payment.package);
    expect(prepays()).toBe(before);
    const wider = (await orderBills(w.t, w.members.a2.user, [a.id, b.id])).body.data;
    expect(wider.outTradeNo).not.toBe(first.outTradeNo);
    expect(wider.amountFen).toBe(300);
    expect(await orderRow(w.t, first.outTradeNo)).toMatchObject({ status: 'closed' });
    expect(simOrder(first.outTradeNo)).toMatchObject({ state: 'CLOSED' });
  });

  it('completes a payment whose notification never came when the member returns (GET order)', async () => {
    const bill = await insertBill(w.t, w.members.b1, '2026-12', 20);
    const { outTradeNo } = (await orderBills(w.t, w.members.b1.user, [bill.id])).body.data;
    expect(
      (await dev(w.sim, 'POST', '/__dev/pay', { out_trade_no: outTradeNo, mchid: MERCHANT.mchid, notify: false }))
        .status,
    ).toBe(200);
    expect(await billRow(w.t, bill.id)).toMatchObject({ status: 'unpaid' });
    const res = await w.t.http().get(`/api/mp/dues/orders/${outTradeNo}`).set('Authorization', w.members.b1.user.auth);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ outTradeNo, status: 'paid', amountFen: 20, billIds: [bill.id] });
    expect(await billRow(w.t, bill.id)).toMatchObject({ status: 'paid', paidVia: 'wechat', paidOrderNo: outTradeNo });
    expect((await notificationRows(w.t, outTradeNo)).map((r) => [r.source, r.outcome])).toEqual([['query', 'applied']]);
    // Someone else's order is not found.
    const other = await w.t
      .http()
      .get(`/api/mp/dues/orders/${outTradeNo}`)
      .set('Authorization', w.members.a1.user.auth);
    expect(other.status).toBe(404);
  });

  it('lists orders within the party scope with masked names and their bills', async () => {
    const mine = await w.t.http().get('/api/admin/dues/orders').set('Authorization', w.secretaryA.auth);
    expect(mine.status).toBe(200);
    const rows = mine.body.data as AdminPayOrderVO[];
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.memberId))).toEqual(new Set([w.members.a1.id, w.members.a2.id]));
    expect(rows.every((r) => r.orgName === '幸福村党支部' && /\*/.test(r.memberName))).toBe(true);
    expect(rows.every((r) => r.bills.length > 0)).toBe(true);
    const theirs = await w.t.http().get('/api/admin/dues/orders').set('Authorization', w.secretaryB.auth);
    expect((theirs.body.data as AdminPayOrderVO[]).map((r) => r.memberId)).toEqual([w.members.b1.id]);
    const paid = await w.t.http().get('/api/admin/dues/orders?status=paid').set('Authorization', w.admin.auth);
    expect((paid.body.data as AdminPayOrderVO[]).every((r) => r.status === 'paid')).toBe(true);
    const member = await w.t.http().get('/api/admin/dues/orders').set('Authorization', w.members.a1.user.auth);
    expect([401, 403]).toContain(member.status);
  });
});
