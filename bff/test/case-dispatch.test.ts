import { randomUUID } from 'crypto';
import type { DispatchCandidateGroupVO } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { CaseTown, setupCaseTown, submitCase } from './support/case-fixtures';
import { mpLogin } from './support/mp-fixtures';
import { createStaff, StaffFixture } from './support/staff-fixtures';
import { CaseEvent, CaseRecord } from '../src/modules/case';
import { MpUser } from '../src/modules/mp-user/mp-user.entity';
import { StaffUser } from '../src/modules/staff/staff-user.entity';

const backend = currentBackend();

/** Group headers with their people as `name` or `name（reason）`, in the order the picker shows them. */
const shape = (groups: DispatchCandidateGroupVO[]) =>
  groups.map((g) => [g.ring, g.label, g.candidates.map((c) => (c.selectable ? c.name : `${c.name}（${c.reason}）`))]);

describe(`dispatch candidates and transfers on ${backend.name}`, () => {
  let t: TestApp;
  let town: CaseTown;
  let tag: string;
  let disabledA2: StaffFixture;
  let townAdmin: StaffFixture;

  const get = (auth: string, path: string) => t.http().get(`/api/admin${path}`).set('Authorization', auth);
  const post = (auth: string, path: string, body: object) =>
    t.http().post(`/api/admin${path}`).set('Authorization', auth).send(body);
  const candidates = async (auth: string, caseId: string, q?: string) => {
    const res = await get(
      auth,
      `/cases/${caseId}/dispatch-candidates${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}`,
    );
    expect(res.status).toBe(200);
    return res.body.data as { groups: DispatchCandidateGroupVO[]; q: string; truncated: boolean };
  };

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    town = await setupCaseTown(t);
    tag = randomUUID().slice(0, 4);
    // A grid leader of 二网格 whose account was disabled, and a town official bound to the town itself.
    disabledA2 = await createStaff(t, { username: `a2off.${tag}`, roles: ['grid_leader'], region: town.gridA2 });
    await town.ds.getRepository(StaffUser).update({ id: disabledA2.id }, { status: 'disabled' });
    townAdmin = await createStaff(t, { username: `zhen.${tag}`, roles: ['town_admin'], region: town.town });
    // A mini-program grid worker whose binding points at the village, not a grid (old binding data).
    const loose = await mpLogin(t, `wg-loose-${tag}`, '孙七');
    await town.ds
      .getRepository(MpUser)
      .update(
        { id: loose.id },
        { roles: ['resident', 'grid_worker'], regionId: town.villageA.id, scopePath: town.villageA.path },
      );
  });
  afterAll(() => t?.close());

  it('groups the town dispatcher’s candidates grid → village → town, selectable first, with reasons', async () => {
    const c = await submitCase(t, town, { at: town.points.A1 });
    const { groups, truncated } = await candidates(town.staff.town.auth, c.id);
    const { leaderA1, staffWorkerA1, villageA, villageB, town: townStaff } = town.staff;
    expect(shape(groups)).toEqual([
      [
        'own',
        '本网格 · 幸福村一网格',
        ['王五', staffWorkerA1.username, leaderA1.username].sort(
          byGridOrder(['王五', staffWorkerA1.username], [leaderA1.username]),
        ),
      ],
      ['parent', '本村 · 幸福村', [villageA.username, '孙七（未绑定网格）', `${disabledA2.username}（账号已停用）`]],
      [
        'town',
        `本镇 · ${town.town.name}`,
        ['赵六', townStaff.username, villageB.username, townAdmin.username].sort(
          byGridOrder(['赵六'], [], [townStaff.username, villageB.username], [townAdmin.username]),
        ),
      ],
    ]);
    expect(truncated).toBe(false);
    const own = groups[0].candidates.find((x) => x.name === '王五');
    expect(own).toMatchObject({
      kind: 'mp',
      role: 'grid_worker',
      regionName: '幸福村一网格',
      selectable: true,
      reason: null,
    });
  });

  it('never shows a village admin another village’s workers; the town office is listed as out of scope', async () => {
    const c = await submitCase(t, town, { at: town.points.A1 });
    const { groups } = await candidates(town.staff.villageA.auth, c.id);
    const names = groups.flatMap((g) => g.candidates.map((x) => x.name));
    expect(names).not.toContain('赵六');
    expect(names).not.toContain(town.staff.villageB.username);
    expect(shape(groups).slice(1)).toEqual([
      [
        'parent',
        '本村 · 幸福村',
        [town.staff.villageA.username, '孙七（未绑定网格）', `${disabledA2.username}（账号已停用）`],
      ],
      [
        'town',
        `本镇 · ${town.town.name}`,
        [`${town.staff.town.username}（不在您的管辖范围）`, `${townAdmin.username}（不在您的管辖范围）`],
      ],
    ]);
    // Another village's admin cannot even ask (the case is not theirs).
    const other = await get(town.staff.villageB.auth, `/cases/${c.id}/dispatch-candidates`);
    expect([other.status, other.body.error.code]).toEqual([404, 'CASE_NOT_FOUND']);
  });

  it('shows a grid leader the village office greyed out and nothing of the other grid', async () => {
    const c = await submitCase(t, town, { at: town.points.A1 });
    const { groups } = await candidates(town.staff.leaderA1.auth, c.id);
    expect(groups.map((g) => g.ring)).toEqual(['own', 'parent', 'town']);
    expect(groups[1].candidates.map((x) => [x.name, x.reason])).toEqual([
      ['孙七', '不在您的管辖范围'],
      [town.staff.villageA.username, '不在您的管辖范围'],
    ]);
    expect(groups.flatMap((g) => g.candidates.map((x) => x.name))).not.toContain(disabledA2.username);
  });

  it('searches by name and answers empty groups when nobody matches', async () => {
    const c = await submitCase(t, town, { at: town.points.A1 });
    expect(shape((await candidates(town.staff.town.auth, c.id, '赵')).groups)).toEqual([
      ['town', `本镇 · ${town.town.name}`, ['赵六']],
    ]);
    expect(await candidates(town.staff.town.auth, c.id, '没有这个人')).toEqual({
      groups: [],
      q: '没有这个人',
      truncated: false,
    });
    // LIKE wildcards are literal: '%' matches nobody.
    expect((await candidates(town.staff.town.auth, c.id, '%')).groups).toEqual([]);
    const long = await get(
      town.staff.town.auth,
      `/cases/${c.id}/dispatch-candidates?q=${encodeURIComponent('长'.repeat(40))}`,
    );
    expect([long.status, long.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await get(town.staff.staffWorkerA1.auth, `/cases/${c.id}/dispatch-candidates`)).status).toBe(403);
  });

  it('dispatches to a worker of another grid in one step and says so on the timeline', async () => {
    const c = await submitCase(t, town, { at: town.points.A1 });
    const res = await post(town.staff.town.auth, `/cases/${c.id}/actions`, {
      action: 'dispatch',
      assignee: { kind: 'mp', id: town.mp.workerB1.id },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ status: 'dispatched', regionId: town.gridA1.id, assignee: { name: '赵六' } });
    const event = await town.ds.getRepository(CaseEvent).findOneByOrFail({ caseId: c.id, type: 'dispatch' });
    expect(event.data).toMatchObject({ assignee: '赵六', assigneeRegion: '和谐村一网格', outsideGrid: true });
    // Inside the grid: no such note.
    const d = await submitCase(t, town, { at: town.points.A1 });
    await post(town.staff.town.auth, `/cases/${d.id}/actions`, {
      action: 'dispatch',
      assignee: { kind: 'mp', id: town.mp.workerA1.id },
    });
    expect((await town.ds.getRepository(CaseEvent).findOneByOrFail({ caseId: d.id, type: 'dispatch' })).data).toEqual({
      assignee: '王五',
    });
  });

  it('refuses the people the picker greys out, with the same reasons', async () => {
    const c = await submitCase(t, town, { at: town.points.A1 });
    const disabled = await post(town.staff.town.auth, `/cases/${c.id}/actions`, {
      action: 'dispatch',
      assignee: { kind: 'staff', id: disabledA2.id },
    });
    expect(disabled.status).toBe(404);
    const loose = (
      await town.ds.getRepository(MpUser).findOneByOrFail({ nickname: '孙七', regionId: town.villageA.id })
    ).id;
    const noGrid = await post(town.staff.town.auth, `/cases/${c.id}/actions`, {
      action: 'dispatch',
      assignee: { kind: 'mp', id: loose },
    });
    expect([noGrid.status, noGrid.body.error.details?.[0]?.message]).toEqual([400, '处理人未绑定网格']);
    const outside = await post(town.staff.villageA.auth, `/cases/${c.id}/actions`, {
      action: 'dispatch',
      assignee: { kind: 'staff', id: townAdmin.id },
    });
    expect(outside.status).toBe(404);
    expect((await town.ds.getRepository(CaseRecord).findOneByOrFail({ id: c.id })).status).toBe('submitted');
  });

  it('keeps an accepted case accepted when it is transferred, so the new grid dispatches at once', async () => {
    const auth = town.staff.villageA.auth;
    const c = await submitCase(t, town, { at: town.points.A1 });
    expect((await post(auth, `/cases/${c.id}/actions`, { action: 'accept' })).body.data.status).toBe('accepted');
    const moved = await post(auth, `/cases/${c.id}/actions`, {
      action: 'transfer',
      targetRegionId: town.gridA2.id,
      reason: '属于二网格',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.data).toMatchObject({ status: 'accepted', regionId: town.gridA2.id, assignee: null });
    expect(moved.body.data.availableActions).toContain('dispatch');
    expect(moved.body.data.availableActions).not.toContain('accept');
    const dispatched = await post(auth, `/cases/${c.id}/actions`, {
      action: 'dispatch',
      assignee: { kind: 'staff', id: town.staff.leaderA1.id },
    });
    expect(dispatched.body.data.status).toBe('dispatched');
    // A dispatched case moved to another grid loses its worker but not its acceptance.
    const again = await post(auth, `/cases/${c.id}/actions`, {
      action: 'transfer',
      targetRegionId: town.gridA1.id,
      reason: '还是一网格的',
    });
    expect(again.body.data).toMatchObject({ status: 'accepted', regionId: town.gridA1.id, assignee: null });
    const events = await town.ds.getRepository(CaseEvent).find({ where: { caseId: c.id, type: 'accept' } });
    expect(events).toHaveLength(1);
    // Not yet accepted: it waits for 受理 in its new grid, as before.
    const fresh = await submitCase(t, town, { at: town.points.A1 });
    expect(
      (
        await post(auth, `/cases/${fresh.id}/actions`, {
          action: 'transfer',
          targetRegionId: town.gridA2.id,
          reason: '属于二网格',
        })
      ).body.data.status,
    ).toBe('transferred');
  });
});

const zh = (a: string, b: string): number => a.localeCompare(b, 'zh-CN');

/** The service's order for a group of selectable people: by role (grid worker, leader, admins), then name. */
function byGridOrder(...tiers: string[][]): (a: string, b: string) => number {
  const tier = (n: string): number => tiers.findIndex((names) => names.includes(n));
  return (a, b) => tier(a) - tier(b) || zh(a, b);
}
