import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { CaseTown, setupCaseTown, submitCase } from './support/case-fixtures';
import { staffAs } from './support/staff-session';
import { CaseRecord } from '../src/modules/case';
import { PersonTag } from '../src/modules/registry';
import type { DashboardVO } from '@zhili/shared';

const backend = currentBackend();
const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3_600_000;

/**
 * Hand-built fixtures (see case-fixtures: 幸福村 = villageA with grids A1, A2; 和谐村 = villageB with B1):
 *
 * | case | grid | status    | due                    | assignee        | counts as                   |
 * | a1   | A1   | submitted | 2 hours ago            | —               | 待受理, 超时                 |
 * | a2   | A1   | accepted  | later today (Shanghai) | villageA admin  | 今日到期, 我的待办           |
 * | a3   | A2   | closed    | 2 hours ago            | —               | resolved today, not open    |
 * | a4   | A2   | accepted  | tomorrow               | —               | open only                   |
 * | b1   | B1   | submitted | 2 hours ago            | —               | 待受理, 超时 (village B)     |
 *
 * Persons: two in A1 (one tagged 独居老人 8 days ago → visit overdue), one in B1.
 */
describe(`staff dashboard on ${backend.name}`, () => {
  let t: TestApp;
  let town: CaseTown;
  let lonelyId: string;
  const now = Date.now();
  const dayEnd = Math.floor((now + SHANGHAI_MS) / DAY_MS) * DAY_MS + DAY_MS - SHANGHAI_MS;

  const dashboard = async (auth: string): Promise<DashboardVO> => {
    const res = await t.http().get('/api/admin/dashboard').set('Authorization', auth);
    expect(res.status).toBe(200);
    return res.body.data as DashboardVO;
  };

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    town = await setupCaseTown(t);
    const repo = town.ds.getRepository(CaseRecord);
    const make = async (point: keyof CaseTown['points'], patch: Partial<CaseRecord>) => {
      const record = await submitCase(t, town, { at: town.points[point] });
      await repo.update({ id: record.id }, patch);
      return record;
    };
    const ago = new Date(now - 2 * 3_600_000);
    await make('A1', { status: 'submitted', dueAt: ago });
    // Halfway to the end of the Shanghai day: still today however late the suite runs.
    await make('A1', {
      status: 'accepted',
      dueAt: new Date(now + (dayEnd - now) / 2),
      assigneeKind: 'staff',
      assigneeId: town.staff.villageA.id,
      assigneeName: 'A',
    });
    await make('A2', { status: 'closed', outcome: 'fixed', dueAt: ago, resolvedAt: new Date(now) });
    await make('A2', { status: 'accepted', dueAt: new Date(dayEnd + 3_600_000) });
    await make('B1', { status: 'submitted', dueAt: ago });

    const person = async (name: string, regionId: string): Promise<string> => {
      const res = await t
        .http()
        .post('/api/admin/persons')
        .set('Authorization', town.staff.town.auth)
        .send({ name, gender: 'female', hukouType: 'local', regionId, birthDate: '1941-05-01' });
      if (res.status !== 201) throw new Error(`person ${name}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.data.id as string;
    };
    lonelyId = await person('王秀英', town.gridA1.id);
    await person('李桂兰', town.gridA1.id);
    await person('赵淑珍', town.gridB1.id);
    await town.ds.getRepository(PersonTag).insert({
      personId: lonelyId,
      tagCode: 'elderly_alone',
      scopePath: town.gridA1.path,
      taggedAt: new Date(now - 8 * DAY_MS),
    });
  });
  afterAll(() => t?.close());

  it("gives a village admin their own village's work and numbers only", async () => {
    const d = await dashboard(town.staff.villageA.auth);
    expect(d.region).toMatchObject({ id: town.villageA.id, name: '幸福村', level: 'village' });
    expect(d.cases).toMatchObject({
      pending: 1,
      overdue: 1,
      dueToday: 1,
      open: 3,
      mine: 1,
      openByStatus: { submitted: 1, accepted: 2 },
    });
    expect(d.registry).toEqual({ persons: 2, households: 0, grids: 2, businesses: 0, houses: 0 });
    expect(d.visits).toMatchObject({ overdue: 1 });
    expect(d.visits?.next.map((v) => v.personId)).toEqual([lonelyId]);
    // Today's point of the 30-day trend: the four filed in village A, one resolved.
    expect(d.cases?.trend).toHaveLength(30);
    expect(d.cases?.trend.at(-1)).toMatchObject({ created: 4, resolved: 1 });

    const b = await dashboard(town.staff.villageB.auth);
    expect(b.cases).toMatchObject({ pending: 1, overdue: 1, dueToday: 0, open: 1, mine: 0 });
    expect(b.registry).toMatchObject({ persons: 1, grids: 1 });
    expect(b.visits).toMatchObject({ overdue: 0, due: 0, next: [] });
  });

  it('sums the whole town for a town-level account, and one grid for its worker', async () => {
    const all = await dashboard(town.staff.town.auth);
    expect(all.cases).toMatchObject({ pending: 2, overdue: 2, dueToday: 1, open: 4 });
    expect(all.registry).toMatchObject({ persons: 3, grids: 3 });
    const grid = await dashboard(town.staff.staffWorkerA1.auth);
    expect(grid.region?.id).toBe(town.gridA1.id);
    expect(grid.cases).toMatchObject({ pending: 1, overdue: 1, dueToday: 1, open: 2 });
    expect(grid.registry).toMatchObject({ persons: 2, grids: 1 });
  });

  it('counts overdue exactly as the inbox filter 只看超时 lists it (the number links there)', async () => {
    for (const who of [town.staff.villageA, town.staff.villageB, town.staff.town]) {
      const listed = await t.http().get('/api/admin/cases?overdue=true').set('Authorization', who.auth);
      const pending = await t.http().get('/api/admin/cases?status=submitted').set('Authorization', who.auth);
      const d = await dashboard(who.auth);
      expect(listed.body.page.total).toBe(d.cases?.overdue);
      expect(pending.body.page.total).toBe(d.cases?.pending);
    }
  });

  it('leaves out what the caller may not read, and refuses callers without dashboard:read', async () => {
    const superAdmin = await staffAs(t, { username: 'dash.root', roles: ['super_admin'] });
    const d = await dashboard(superAdmin.auth);
    expect(d).toMatchObject({ region: null, cases: null, visits: null, registry: null });
    const auditor = await staffAs(t, { username: 'dash.auditor', roles: ['auditor'], region: town.town });
    const refused = await t.http().get('/api/admin/dashboard').set('Authorization', auditor.auth);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    expect((await t.http().get('/api/admin/dashboard')).status).toBe(401);
  });
});
