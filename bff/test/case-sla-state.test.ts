import { caseSlaState, casePriorityInvalidMessage } from '@zhili/shared';
import type { CaseListItemVO, CaseMapPointVO, MpCaseItemVO, MpTaskItemVO } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { caseInProgress, CaseTown, setupCaseTown, submitCase } from './support/case-fixtures';
import { createStaff } from './support/staff-fixtures';
import { PiiCipher } from '../src/core/crypto/pii-cipher';
import { CaseRecord, CaseWorkflowService } from '../src/modules/case';
import { ensureDemoCases } from '../src/seed/demo-cases';

const backend = currentBackend();
const DAY = 86_400_000;
const FINISHED = ['resolved', 'closed', 'rejected', 'merged'];

/**
 * One definition of overdue (issue #11): the map painted closed cases red while 只看超时 found only
 * open ones. Every view now carries the BFF's `slaState` from the shared rule, and the inbox filter
 * is the same rule in SQL — checked here on the demo seed's sample cases.
 */
describe(`case SLA state on ${backend.name}`, () => {
  let t: TestApp;
  let town: CaseTown;
  const api = (path: string, auth = town.staff.town.auth) =>
    t.http().get(`/api/admin${path}`).set('Authorization', auth);

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    town = await setupCaseTown(t);
    // The demo seed's dispatcher is a town admin; its assignees are the grids' staff workers.
    await createStaff(t, { username: 'zhen.admin', roles: ['town_admin'], region: town.town });
    await createStaff(t, { username: 'wg.a2', roles: ['grid_worker'], region: town.gridA2 });
    await createStaff(t, { username: 'wg.b1', roles: ['grid_worker'], region: town.gridB1 });
    const written = await ensureDemoCases(town.ds, { cipher: await t.get(PiiCipher), count: 80 });
    expect(written).toBe(80);
    // A real app, a town and 80 cases with their timelines: more than the default 30 s on a busy machine.
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('paints red on the map exactly the cases 只看超时 finds, and never a finished case', async () => {
    const before = Date.now();
    const points = (await api('/cases/map')).body.data as CaseMapPointVO[];
    const after = Date.now();
    expect(points.length).toBe(80);
    const overdue = (await api('/cases?overdue=true&pageSize=100')).body;
    const red = points.filter((p) => p.slaState === 'overdue');
    expect(red.map((p) => p.id).sort()).toEqual((overdue.data as CaseListItemVO[]).map((c) => c.id).sort());
    expect(overdue.page.total).toBe(red.length);
    // The seed has finished cases past their deadline: the old rule called them overdue.
    const records = await town.ds.getRepository(CaseRecord).find();
    const lateFinished = records.filter(
      (r) => FINISHED.includes(r.status) && r.dueAt && r.resolvedAt && +r.resolvedAt > +r.dueAt,
    );
    expect(lateFinished.length).toBeGreaterThan(0);
    for (const p of points.filter((x) => FINISHED.includes(x.status)))
      expect([p.no, p.slaState, p.overdue]).toEqual([p.no, 'done', false]);
    // Each point agrees with the shared rule applied to its stored deadlines.
    const byId = new Map(records.map((r) => [r.id, r]));
    for (const p of points) {
      const r = byId.get(p.id) as CaseRecord;
      expect([p.no, [caseSlaState(r, before), caseSlaState(r, after)]]).toEqual([
        p.no,
        expect.arrayContaining([p.slaState]),
      ]);
      expect(p.overdue).toBe(p.slaState === 'overdue');
    }
  });

  it('sends the same slaState in inbox rows, the detail and the map', async () => {
    const rows = (await api('/cases?pageSize=100')).body.data as CaseListItemVO[];
    const points = new Map(((await api('/cases/map')).body.data as CaseMapPointVO[]).map((p) => [p.id, p.slaState]));
    expect(rows).toHaveLength(80);
    for (const row of rows) expect([row.no, row.slaState]).toEqual([row.no, points.get(row.id)]);
    const some = rows.find((r) => r.slaState === 'overdue') ?? rows[0];
    expect((await api(`/cases/${some.id}`)).body.data.slaState).toBe(some.slaState);
  });

  it('warns after the warning mark, then turns overdue, then done once resolved (mini-program views too)', async () => {
    const now = Date.now();
    const c = await caseInProgress(t, town, { categoryCode: 'garbage' });
    const repo = town.ds.getRepository(CaseRecord);
    const set = (warnAt: number, dueAt: number) =>
      repo.update({ id: c.id }, { warnAt: new Date(warnAt), dueAt: new Date(dueAt) });
    const state = async () => ((await api(`/cases/${c.id}`)).body.data as CaseListItemVO).slaState;
    const task = async () =>
      (
        (await t.http().get('/api/mp/grid/tasks').set('Authorization', town.mp.workerA1.auth)).body
          .data as MpTaskItemVO[]
      ).find((x) => x.id === c.id);
    await set(now + DAY, now + 2 * DAY);
    expect(await state()).toBe('on_time');
    await set(now - 1000, now + DAY);
    expect(await state()).toBe('warning');
    expect((await task())?.slaState).toBe('warning');
    await set(now - DAY, now - 1000);
    expect(await state()).toBe('overdue');
    expect(await task()).toMatchObject({ slaState: 'overdue', overdue: true });
    const worker = {
      role: 'assignee' as const,
      kind: 'mp' as const,
      id: town.mp.workerA1.id,
      name: '王五',
      principal: { kind: 'mp' as const, id: town.mp.workerA1.id, roles: ['resident' as const, 'grid_worker' as const] },
    };
    await (await t.get(CaseWorkflowService)).apply(c.id, 'resolve', worker, { result: '已清运' });
    expect(await state()).toBe('done');
    const mine = await submitCase(t, town);
    const mp = (await t.http().get('/api/mp/cases').set('Authorization', town.mp.residentA.auth)).body
      .data as MpCaseItemVO[];
    expect(mp.find((x) => x.id === mine.id)?.slaState).toBe('on_time');
  });

  it('names the priority levels in its messages from the shared table', async () => {
    const res = await api('/cases?priority=medium');
    expect([res.status, res.body.error?.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(JSON.stringify(res.body)).toContain(casePriorityInvalidMessage);
    expect(casePriorityInvalidMessage).toContain('低、普通、紧急、特急');
  });
});
