// Payments off (no WECHATPAY_* set): the member's payment routes say so plainly with 503, never a fake
// success; the notification callback does not exist (404).
import { currentBackend } from './support/backends';
import { startTestApp } from './support/test-app';
import { insertBill, orderBills, partyWorld } from './dues-pay-orders-app';

const backend = currentBackend();

describe(`WeChat Pay off on ${backend.name}`, () => {
  jest.setTimeout(120_000);

  it('answers 503 暂未开通微信支付 to the order and its status; the callback does not exist', async () => {
    const t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    try {
      const w = await partyWorld(t);
      const bill = await insertBill(t, w.members.a1, '2026-12', 150);
      const order = await orderBills(t, w.members.a1.user, [bill.id]);
      expect(order.status).toBe(503);
      expect(order.body.error.message).toBe('暂未开通微信支付，请联系支部缴纳');
      const status = await t
        .http()
        .get('/api/mp/dues/orders/D2026120700000000000000')
        .set('Authorization', w.members.a1.user.auth);
      expect(status.status).toBe(503);
      const callback = await t
        .http()
        .post('/api/callbacks/wechatpay/payment')
        .set('Content-Type', 'application/json')
        .send('{}');
      // No merchant, no callback (as for an unconfigured government connector).
      expect(callback.status).toBe(404);
    } finally {
      await t.close();
    }
  });
});
