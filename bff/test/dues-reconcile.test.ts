import { beijingDayOf, type ReconciliationDayVO, type ReconciliationVO } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { dataSourceOf } from './support/staff-fixtures';
import { AuditLog } from '../src/core/audit';
import { PayOrder } from '../src/modules/dues/payments/pay-order.entity';
import { ReconciliationJobs } from '../src/modules/dues/reconciliation/reconciliation-jobs';
import { DuesReconciliation } from '../src/modules/dues/reconciliation/dues-reconciliation.entity';
import type { DuesRefundVO } from '@zhili/shared';
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
 * The daily reconciliation against the simulator's trade bill: a day without trades, a clean day with
 * payments and a refund (zero differences), planted differences (a payment we never recorded, an amount
 * changed in our table) listed once however often the day is re-run, resolving one, a bill altered on its
 * way (hash mismatch → a failed run, never a pass), who may see it, and when the daily job runs.
 */
describe(`dues reconciliation on ${backend.name}`, () => {
  let w: DuesPayWorld;
  const today = beijingDayOf(new Date());
  jest.setTimeout(180_000);

  beforeAll(async () => {
    w = await startDuesPayWorld('recon');
  });
  afterAll(async () => {
    await w?.close();
  });

  const run = (who: Who, date: string) =>
    w.t.http().post('/api/admin/dues/reconciliations').set('Authorization', who.auth).send({ date });
  const day = async (date: string) => {
    const res = await w.t.http().get(`/api/admin/dues/reconciliations/${date}`).set('Authorization', w.finance.auth);
    expect(res.status).toBe(200);
    return res.body.data as ReconciliationDayVO;
  };

  it('a day without any trade: WeChat Pay has no bill, we have nothing, so it is ok', async () => {
    const res = await run(w.finance, today);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      date: today,
      status: 'ok',
      differenceCount: 0,
      ourPaymentCount: 0,
      theirPaymentCount: 0,
      billHashOk: null,
      message: '微信支付当日无交易账单',
    });
  });

  it('a clean day with payments and a partial refund: zero differences, both sides counted', async () => {
    await paidOrder(w, w.branchA, [150, 150]);
    const { outTradeNo } = await paidOrder(w, w.branchB, [500]);
    const refund = await w.t
      .http()
      .post(`/api/admin/dues/orders/${outTradeNo}/refunds`)
      .set('Authorization', w.finance.auth)
      .send({ amountFen: 200, reason: '多缴退回' });
    expect(refund.status).toBe(201);
    const no = (refund.body.data as DuesRefundVO).outRefundNo;
    expect((await forwardRefund(w, await refundNotificationFor(w, no))).status).toBe(204);

    const res = await run(w.finance, today);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject<Partial<ReconciliationVO>>({
      status: 'ok',
      differenceCount: 0,
      unresolvedCount: 0,
      ourPaymentCount: 2,
      theirPaymentCount: 2,
      ourPaidFen: 800,
      theirPaidFen: 800,
      ourRefundCount: 1,
      theirRefundCount: 1,
      ourRefundFen: 200,
      theirRefundFen: 200,
      billHashOk: true,
      message: null,
    });
    expect((await day(today)).differences).toEqual([]);
  });

  it('finds planted differences, lists each once however often the day is re-run, and keeps a resolution', async () => {
    // WeChat Pay took a payment we never recorded, and one of our orders was changed afterwards.
    const unrecorded = await paidOrder(w, w.branchA, [90], { record: false });
    const changed = await paidOrder(w, w.branchA, [100]);
    const ds = await dataSourceOf(w.t);
    await ds.getRepository(PayOrder).update({ outTradeNo: changed.outTradeNo }, { amountFen: 10 });

    const first = await run(w.finance, today);
    expect(first.body.data).toMatchObject({ status: 'differences', differenceCount: 2, billHashOk: true });
    const again = await run(w.finance, today);
    expect(again.body.data).toMatchObject({ status: 'differences', differenceCount: 2 });
    const { run: summary, differences } = await day(today);
    expect(summary).toMatchObject({ differenceCount: 2, unresolvedCount: 2 });
    expect(differences).toHaveLength(2);
    expect(differences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'missing_here',
          outTradeNo: unrecorded.outTradeNo,
          ourFen: null,
          theirFen: 90,
        }),
        expect.objectContaining({ kind: 'amount_mismatch', outTradeNo: changed.outTradeNo, ourFen: 10, theirFen: 100 }),
      ]),
    );
    expect(differences.every((d) => d.note.length > 0 && d.resolvedAt === null)).toBe(true);

    const target = differences.find((d) => d.kind === 'amount_mismatch')!;
    const resolvePath = `/api/admin/dues/reconciliations/${today}/differences/${target.id}/resolve`;
    const resolved = await w.t
      .http()
      .post(resolvePath)
      .set('Authorization', w.finance.auth)
      .send({ resolution: '订单金额被误改，已按微信支付账单更正' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.data).toMatchObject({ id: target.id, resolvedBy: w.finance.id });
    const twice = await w.t.http().post(resolvePath).set('Authorization', w.finance.auth).send({ resolution: '再次' });
    expect(twice.status).toBe(409);

    const rerun = await run(w.finance, today);
    expect(rerun.body.data).toMatchObject({ differenceCount: 2 });
    const after = await day(today);
    expect(after.run.unresolvedCount).toBe(1);
    expect(after.differences).toHaveLength(2);
    expect(after.differences.find((d) => d.kind === 'amount_mismatch')).toMatchObject({
      id: target.id,
      resolution: '订单金额被误改，已按微信支付账单更正',
    });
    const list = await w.t.http().get('/api/admin/dues/reconciliations').set('Authorization', w.finance.auth);
    expect(list.status).toBe(200);
    expect(list.body.data[0]).toMatchObject({ date: today, status: 'differences', unresolvedCount: 1 });
    // Correcting our record clears the difference on the next run.
    await ds.getRepository(PayOrder).update({ outTradeNo: changed.outTradeNo }, { amountFen: 100 });
    const corrected = await run(w.finance, today);
    expect(corrected.body.data).toMatchObject({ differenceCount: 1 });
  });

  it('a bill altered on its way fails its hash check: a failed run with the reason, never ok', async () => {
    w.proxy.alterBill = (text) => text.replace(/`1\.00,/g, '`0.01,');
    try {
      const res = await run(w.finance, today);
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ status: 'failed', billHashOk: false });
      expect(res.body.data.message).toContain('SHA1');
    } finally {
      w.proxy.alterBill = null;
    }
    expect((await day(today)).run.status).toBe('failed');
    const audit = await (
      await dataSourceOf(w.t)
    )
      .getRepository(AuditLog)
      .findBy({ action: 'party.dues.reconcile.run' });
    expect(audit.some((a) => a.result === 'failure')).toBe(true);
    // Once the bill arrives intact, the day reconciles again.
    expect((await run(w.finance, today)).body.data).toMatchObject({ status: 'differences', billHashOk: true });
  });

  it('refuses a future day and bad dates', async () => {
    const tomorrow = beijingDayOf(new Date(Date.now() + 86_400_000));
    expect((await run(w.finance, tomorrow)).status).toBe(400);
    expect((await run(w.finance, '2026-02-30')).status).toBe(400);
    const missing = await w.t
      .http()
      .get('/api/admin/dues/reconciliations/2020-01-01')
      .set('Authorization', w.finance.auth);
    expect(missing.status).toBe(404);
  });

  it('only dues:finance with a town-wide scope sees or runs it', async () => {
    expect((await run(w.secretary, today)).status).toBe(403);
    const list = await w.t.http().get('/api/admin/dues/reconciliations').set('Authorization', w.secretary.auth);
    expect(list.status).toBe(403);
    const branch = await w.t.http().get('/api/admin/dues/reconciliations').set('Authorization', w.branchFinance.auth);
    expect(branch.status).toBe(403);
    expect((await run(w.branchFinance, today)).status).toBe(403);
  });

  it('the daily job picks yesterday from 10:00 Beijing time, once, and retries a failed run after an hour', async () => {
    const jobs = await w.t.get(ReconciliationJobs);
    const at = (beijing: string) => new Date(`${beijing}+08:00`);
    expect(await jobs.due(at('2031-03-02T09:59:00'))).toBeNull();
    expect(await jobs.due(at('2031-03-02T10:00:00'))).toBe('2031-03-01');
    const repo = (await dataSourceOf(w.t)).getRepository(DuesReconciliation);
    await repo.insert(
      repo.create({
        date: '2031-03-01',
        status: 'ok',
        differenceCount: 0,
        billHashOk: true,
        message: null,
        billSha1: null,
        ranAt: at('2031-03-02T10:00:00').toISOString(),
        ranBy: null,
      }),
    );
    expect(await jobs.due(at('2031-03-02T10:15:00'))).toBeNull();
    await repo.update({ date: '2031-03-01' }, { status: 'failed' });
    expect(await jobs.due(at('2031-03-02T10:59:00'))).toBeNull();
    expect(await jobs.due(at('2031-03-02T11:00:00'))).toBe('2031-03-01');
  });
});
