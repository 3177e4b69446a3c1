// The payment notification end to end (one key mode per test file: see dues-pay-notify.test.ts and
// dues-pay-notify-platform-cert.test.ts): the member orders, pays in the simulator, the
// simulator notifies the BFF, the bill is paid; every bad notification changes nothing and is recorded;
// duplicates and replays pay once; a crash between verification and commit is completed by the retry.
import { AuditLog } from '../src/core/audit';
import { PaymentLedgerService } from '../src/modules/dues/payments/payment-ledger.service';
import { currentBackend } from './support/backends';
import { dataSourceOf } from './support/staff-fixtures';
import {
  billRow,
  dev,
  eventually,
  insertBill,
  notificationRows,
  orderBills,
  orderRow,
  startPayWorld,
  type KeyMode,
  type PayWorld,
} from './dues-pay-orders-app';

/** The cases, in the given key mode (one mode per test file: one BFF per file). */
export function describeNotifications(mode: KeyMode): void {
  const backend = currentBackend();
  describe(`WeChat Pay notifications (${mode} mode) on ${backend.name}`, () => {
    let w: PayWorld;
    let month = 0;
    jest.setTimeout(120_000);

    beforeAll(async () => {
      w = await startPayWorld(backend, mode);
    });
    afterAll(async () => {
      await w?.close();
    });

    /** A fresh bill of 李一 and an order for it (each test its own month). */
    async function ordered(amountFen = 150) {
      month += 1;
      const bill = await insertBill(w.t, w.members.a1, `2025-${String(month).padStart(2, '0')}`, amountFen);
      const res = await orderBills(w.t, w.members.a1.user, [bill.id]);
      expect(res.status).toBe(200);
      return {
        bill,
        outTradeNo: res.body.data.outTradeNo as string,
        prepayId: res.body.data.payment.package.slice(10),
      };
    }

    async function paid(amountFen = 150) {
      const o = await ordered(amountFen);
      expect((await dev(w.sim, 'POST', '/__dev/pay', { prepay_id: o.prepayId })).status).toBe(200);
      await eventually(async () => (await orderRow(w.t, o.outTradeNo)).status === 'paid', 10_000, 'order paid');
      await w.sim.settled();
      return o;
    }

    async function probe(kind: string, outTradeNo: string, copies?: number) {
      const res = await dev(w.sim, 'POST', '/__dev/probe', { kind, out_trade_no: outTradeNo, copies });
      expect(res.status).toBe(200);
      await w.sim.settled();
    }

    it('pays the bill once the genuine notification arrives (204, recorded as applied)', async () => {
      const { bill, outTradeNo } = await paid(150);
      const order = await orderRow(w.t, outTradeNo);
      expect(order).toMatchObject({ status: 'paid', amountFen: 150, conflictFen: 0 });
      expect(order.transactionId).toMatch(/^\d+$/);
      expect(await billRow(w.t, bill.id)).toMatchObject({
        status: 'paid',
        paidVia: 'wechat',
        paidOrderNo: outTradeNo,
        paidAt: order.paidAt,
        version: 2,
      });
      const genuine = w.sim.notifications().find((n) => n.outTradeNo === outTradeNo && !n.probe)!;
      expect(genuine.outcome).toBe('delivered');
      expect(genuine.attempts.map((a) => a.status)).toEqual([204]);
      const rows = await notificationRows(w.t, outTradeNo);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        source: 'notify',
        outcome: 'applied',
        amountFen: 150,
        eventType: 'TRANSACTION.SUCCESS',
      });
      expect(rows[0].bodySha256).toMatch(/^[0-9a-f]{64}$/);
    });

    it.each([
      ['bad-signature', 'bad_signature', 401],
      ['signtest', 'bad_signature', 401],
      ['unknown-serial', 'bad_signature', 401],
      ['stale-timestamp', 'stale', 401],
      ['wrong-key', 'malformed', 400],
    ])('refuses the %s probe: nothing changes, recorded as %s, answered %i FAIL', async (kind, outcome, status) => {
      const { bill, outTradeNo } = await ordered();
      const before = (await notificationRows(w.t)).length;
      await probe(kind, outTradeNo);
      expect(await orderRow(w.t, outTradeNo)).toMatchObject({ status: 'created', transactionId: null });
      expect(await billRow(w.t, bill.id)).toMatchObject({ status: 'unpaid', version: 1 });
      const sent = w.sim.notifications().find((n) => n.outTradeNo === outTradeNo && n.probe === kind)!;
      expect(sent.attempts.map((a) => a.status)).toEqual([status]);
      const rows = await notificationRows(w.t);
      expect(rows).toHaveLength(before + 1);
      expect(rows[rows.length - 1]).toMatchObject({ source: 'notify', outcome });
    });

    it("answers a refusal in WeChat Pay's own format, and records it", async () => {
      const before = (await notificationRows(w.t)).length;
      const res = await w.t
        .http()
        .post('/api/callbacks/wechatpay/payment')
        .set('Content-Type', 'application/json')
        .send('{"id":"x","event_type":"TRANSACTION.SUCCESS","resource":{}}');
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ code: 'FAIL', message: '签名缺失' });
      const rows = await notificationRows(w.t);
      expect(rows).toHaveLength(before + 1);
      expect(rows[rows.length - 1]).toMatchObject({
        outcome: 'bad_signature',
        detail: 'missing-headers',
        notificationId: null,
      });
    });

    it('never marks a wrong amount paid: recorded, audited, acknowledged; the order waits for a person', async () => {
      const { bill, outTradeNo } = await ordered(150);
      await probe('wrong-amount', outTradeNo);
      expect(await orderRow(w.t, outTradeNo)).toMatchObject({ status: 'created' });
      expect(await billRow(w.t, bill.id)).toMatchObject({ status: 'unpaid', version: 1 });
      const rows = await notificationRows(w.t, outTradeNo);
      expect(rows).toEqual([expect.objectContaining({ outcome: 'amount_mismatch', amountFen: 151 })]);
      const sent = w.sim.notifications().find((n) => n.outTradeNo === outTradeNo && n.probe === 'wrong-amount')!;
      expect(sent.attempts.map((a) => a.status)).toEqual([204]);
      const audit = await (
        await dataSourceOf(w.t)
      )
        .getRepository(AuditLog)
        .findBy({ action: 'party.dues.payment.amount_mismatch', resourceId: outTradeNo });
      expect(audit).toHaveLength(1);
      expect(audit[0].result).toBe('failure');
    });

    it('records a genuine notification of an order we never issued, and changes nothing', async () => {
      const { outTradeNo } = await ordered();
      const paidBefore = await (
        await dataSourceOf(w.t)
      ).query("SELECT COUNT(*) AS n FROM dues_bill WHERE status = 'paid'");
      await probe('unknown-order', outTradeNo);
      const rows = (await notificationRows(w.t)).filter((r) => r.outTradeNo?.startsWith('GHOST'));
      expect(rows.map((r) => r.outcome)).toContain('unknown_order');
      const paidAfter = await (
        await dataSourceOf(w.t)
      ).query("SELECT COUNT(*) AS n FROM dues_bill WHERE status = 'paid'");
      expect(Number(paidAfter[0].n)).toBe(Number(paidBefore[0].n));
      expect(await orderRow(w.t, outTradeNo)).toMatchObject({ status: 'created' });
    });

    it('pays once when the same notification is replayed and when 20 copies arrive at once', async () => {
      const { bill, outTradeNo } = await paid(300);
      const genuine = w.sim.notifications().find((n) => n.outTradeNo === outTradeNo && !n.probe)!;
      // A replay: the very bytes and headers again (still inside the time window).
      const replay = await w.t
        .http()
        .post('/api/callbacks/wechatpay/payment')
        .set(genuine.headers)
        .set('Content-Type', 'application/json')
        .send(genuine.body);
      expect(replay.status).toBe(204);
      await probe('duplicate', outTradeNo, 20);
      const copies = w.sim.notifications().filter((n) => n.outTradeNo === outTradeNo && n.probe === 'duplicate');
      expect(copies).toHaveLength(20);
      expect(copies.every((c) => c.attempts[0]?.status === 204)).toBe(true);
      const rows = await notificationRows(w.t, outTradeNo);
      expect(rows.filter((r) => r.outcome === 'applied')).toHaveLength(1);
      expect(rows.filter((r) => r.outcome === 'duplicate')).toHaveLength(21);
      expect(new Set(rows.map((r) => r.notificationId)).size).toBe(1);
      // One conditional update in all: the bill's version moved once.
      expect(await billRow(w.t, bill.id)).toMatchObject({ status: 'paid', paidOrderNo: outTradeNo, version: 2 });
      expect(await orderRow(w.t, outTradeNo)).toMatchObject({ status: 'paid', version: 2 });
    });

    it('answers FAIL 500 when the BFF breaks between verification and commit; the retry completes it, once', async () => {
      const ledger = await w.t.get(PaymentLedgerService);
      const original = ledger.commitPayment.bind(ledger);
      const spy = jest.spyOn(ledger, 'commitPayment').mockImplementationOnce(async (manager, order, t) => {
        await original(manager, order, t);
        throw new Error('process killed before commit');
      });
      try {
        const { bill, outTradeNo } = await paid(200);
        expect(spy).toHaveBeenCalledTimes(2);
        const genuine = w.sim.notifications().find((n) => n.outTradeNo === outTradeNo && !n.probe)!;
        expect(genuine.attempts.map((a) => a.status)).toEqual([500, 204]);
        expect(genuine.outcome).toBe('delivered');
        expect((await notificationRows(w.t, outTradeNo)).map((r) => r.outcome)).toEqual(['failed', 'applied']);
        expect(await billRow(w.t, bill.id)).toMatchObject({ status: 'paid', version: 2 });
        expect(await orderRow(w.t, outTradeNo)).toMatchObject({ status: 'paid', version: 2 });
      } finally {
        spy.mockRestore();
      }
    });

    it('pays the order but flags the difference when a bill was paid in cash meanwhile', async () => {
      const o = await ordered(120);
      const ds = await dataSourceOf(w.t);
      await ds.query("UPDATE dues_bill SET status = 'paid', paid_via = 'cash', version = version + 1 WHERE id = ?", [
        o.bill.id,
      ]);
      await dev(w.sim, 'POST', '/__dev/pay', { prepay_id: o.prepayId });
      await eventually(async () => (await orderRow(w.t, o.outTradeNo)).status === 'paid', 10_000, 'order paid');
      expect(await orderRow(w.t, o.outTradeNo)).toMatchObject({ status: 'paid', conflictFen: 120 });
      expect(await billRow(w.t, o.bill.id)).toMatchObject({ paidVia: 'cash', version: 2 });
      await w.sim.settled();
      expect((await notificationRows(w.t, o.outTradeNo)).map((r) => r.outcome)).toEqual(['bills_conflict']);
      const audit = await ds
        .getRepository(AuditLog)
        .findBy({ action: 'party.dues.payment.bills_conflict', resourceId: o.outTradeNo });
      expect(audit).toHaveLength(1);
    });
  });
}
