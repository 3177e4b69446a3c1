import { beijingMonth, monthlyDuesFen, type DuesArrearsRowVO, type MyDuesVO } from '@zhili/shared';
import { PiiCipher } from '../src/core/crypto/pii-cipher';
import { DuesBill } from '../src/modules/dues/bills/dues-bill.entity';
import { ensureDemoDues } from '../src/seed/demo-dues';
import { currentBackend } from './support/backends';
import { dataSourceOf } from './support/staff-fixtures';
import { partyStaff } from './support/party-fixtures';
import { studyWorld } from './support/study-progress-fixtures';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion } from './support/staff-fixtures';

const backend = currentBackend();

/**
 * The demo dues: written once, 李四 employed at ¥4,500 (¥45.00 a month) with only this month unpaid,
 * and one member six months behind, flagged in the arrears list.
 */
describe(`demo dues on ${backend.name}`, () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof studyWorld>>;

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    w = await studyWorld(t, 'seeddues');
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it('writes bases and seven months of bills once; 李四 can pay this month; the flag list is not empty', async () => {
    const ds = await dataSourceOf(t);
    const cipher = await t.get(PiiCipher);
    const report = await ensureDemoDues(ds, { cipher });
    expect(report.created).toBe(true);
    expect(report.flaggedMemberId).not.toBeNull();
    expect((await ensureDemoDues(ds, { cipher })).created).toBe(false);
    expect(await ds.getRepository(DuesBill).count()).toBe(report.bills);

    const month = beijingMonth(new Date());
    const res = await t.http().get('/api/mp/dues').set('Authorization', w.lisi.auth);
    expect(res.status).toBe(200);
    const view = res.body.data as MyDuesVO;
    expect(view.thisMonth?.amountFen).toBe(monthlyDuesFen('employed', 450_000));
    expect(view.thisMonth?.amountFen).toBe(4500);
    expect(view.thisMonth?.status).toBe('unpaid');
    expect(view.unpaid.map((b) => b.month)).toEqual([month]);
    expect(view.recentPaid).toHaveLength(6);

    const town = await createRegion(t, '镇', 'town');
    const admin = await partyStaff(t, 'seeddues.dues', town, ['party:manage', 'party:org:read', 'dues:manage']);
    const arrears = await t.http().get('/api/admin/dues/arrears?flagged=true').set('Authorization', admin.auth);
    expect(arrears.status).toBe(200);
    const rows = arrears.body.data as DuesArrearsRowVO[];
    expect(rows.map((r) => r.memberId)).toContain(report.flaggedMemberId);
    expect(rows.find((r) => r.memberId === report.flaggedMemberId)?.streak).toBe(6);
  });
});
