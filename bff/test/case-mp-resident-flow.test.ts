import { randomUUID } from 'crypto';
import type { LngLat, MpCaseDetailVO, MpCaseItemVO, NearbyCaseVO } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { mpLogin } from './support/mp-fixtures';
import { caseInProgress, CaseTown, setupCaseTown, submitCase } from './support/case-fixtures';
import type { SubmitOptions } from './support/case-fixtures';
import { CaseCategory, CaseRecord, CaseWorkflowService } from '../src/modules/case';
import type { CaseActor } from '../src/modules/case';

const backend = currentBackend();
const DAY = 86_400_000;
/** Degrees of latitude per metre (a spherical Earth is plenty here). */
const LAT_PER_M = 1 / 111_195;
const north = ([lng, lat]: LngLat, m: number): LngLat => [lng, lat + m * LAT_PER_M];

describe(`resident case API (following, rating, disputes, lists) on ${backend.name}`, () => {
  let t: TestApp;
  let town: CaseTown;
  let workflow: CaseWorkflowService;
  let workerA1: CaseActor;
  /** A spot of grid A1 kept for the nearby tests (streetlight cases only there). */
  const spot: LngLat = [120.103, 30.203];

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    town = await setupCaseTown(t);
    workflow = await t.get(CaseWorkflowService);
    const id = town.mp.workerA1.id;
    workerA1 = {
      role: 'assignee',
      kind: 'mp',
      id,
      name: '王五',
      principal: { kind: 'mp', id, roles: ['resident', 'grid_worker'] },
    };
  });

  afterAll(async () => {
    await t?.close();
  });

  const as = (who: { auth: string }) => ({
    get: (path: string) => t.http().get(`/api/mp${path}`).set('Authorization', who.auth),
    post: (path: string, body: object = {}) =>
      t.http().post(`/api/mp${path}`).set('Authorization', who.auth).send(body),
    del: (path: string) => t.http().delete(`/api/mp${path}`).set('Authorization', who.auth),
  });
  const resolvedCase = async (options: SubmitOptions = {}) => {
    const record = await caseInProgress(t, town, options);
    return workflow.apply(record.id, 'resolve', workerA1, { result: '已到现场修复' });
  };
  const nearby = async (who: { auth: string }, at: LngLat, categoryCode: string, radiusM?: number) => {
    const res = await as(who).get(
      `/cases/nearby?lng=${at[0]}&lat=${at[1]}&categoryCode=${categoryCode}${radiusM ? `&radiusM=${radiusM}` : ''}`,
    );
    expect(res.status).toBe(200);
    return res.body.data as NearbyCaseVO[];
  };

  it('lists the active categories in order and the subscribe templates', async () => {
    await town.ds.getRepository(CaseCategory).update({ code: 'parking' }, { active: false });
    try {
      const res = await as(town.mp.residentA).get('/case-categories');
      expect(res.status).toBe(200);
      const codes = res.body.data.map((c: { code: string }) => c.code);
      expect(codes).toContain('road');
      expect(codes).not.toContain('parking');
      const orders = res.body.data.map((c: { sortOrder: number }) => c.sortOrder);
      expect(orders).toEqual([...orders].sort((a, b) => a - b));
    } finally {
      await town.ds.getRepository(CaseCategory).update({ code: 'parking' }, { active: true });
    }
    const templates = await as(town.mp.residentA).get('/cases/subscribe-templates');
    expect(templates.body.data).toEqual({
      accepted: 'sim_tmpl_case_accepted',
      dispatched: 'sim_tmpl_case_dispatched',
      resolved: 'sim_tmpl_case_resolved',
    });
  });

  it('suggests open cases of the same category nearby, nearest first, without the reporter', async () => {
    const long =
      '路灯不亮已经三天了，晚上行人经过十分危险，尤其是老人和孩子，希望尽快派人来检修一下这一排路灯，谢谢！'.repeat(2);
    const near = await submitCase(t, town, { at: north(spot, 50), categoryCode: 'streetlight', description: long });
    const nearer = await submitCase(t, town, { at: north(spot, 20), categoryCode: 'streetlight' });
    const far = await submitCase(t, town, { at: north(spot, 500), categoryCode: 'streetlight' });
    await submitCase(t, town, { at: north(spot, 30), categoryCode: 'road' });
    const closed = await submitCase(t, town, { at: north(spot, 40), categoryCode: 'streetlight' });
    await town.ds.getRepository(CaseRecord).update({ id: closed.id }, { status: 'closed', outcome: 'fixed' });
    const held = await submitCase(t, town, { at: north(spot, 10), categoryCode: 'streetlight', hold: true });

    const found = await nearby(town.mp.residentB, spot, 'streetlight');
    expect(found.map((c) => c.id)).toEqual([nearer.id, near.id]);
    expect(found[1].distanceM).toBeGreaterThanOrEqual(48);
    expect(found[1].distanceM).toBeLessThanOrEqual(52);
    expect(Array.from(found[1].description).length).toBeLessThanOrEqual(61);
    expect(found[1]).toMatchObject({
      categoryName: '路灯故障',
      followed: false,
      followerCount: 0,
      status: 'submitted',
    });
    expect(JSON.stringify(found)).not.toContain(town.mp.residentA.nickname);
    expect(found.map((c) => c.id)).not.toContain(held.id);
    // A wider radius reaches the far one; the reporter does not see their own cases as duplicates.
    expect((await nearby(town.mp.residentB, spot, 'streetlight', 1000)).map((c) => c.id)).toContain(far.id);
    expect(await nearby(town.mp.residentA, spot, 'streetlight')).toEqual([]);
    expect(
      (
        await as(town.mp.residentB).get(
          `/cases/nearby?lng=${spot[0]}&lat=${spot[1]}&categoryCode=streetlight&radiusM=1001`,
        )
      ).status,
    ).toBe(400);
  });

  it('counts a follow once, undoes it, refuses following one’s own case', async () => {
    const record = await submitCase(t, town, { at: north(spot, 5), categoryCode: 'sewage' });
    const b = as(town.mp.residentB);
    expect((await b.get(`/cases/${record.id}`)).status).toBe(404);

    const first = await b.post(`/cases/${record.id}/follow`);
    expect(first.status).toBe(200);
    expect(first.body.data).toEqual({ followed: true, followerCount: 1 });
    expect((await b.post(`/cases/${record.id}/follow`)).body.data).toEqual({ followed: true, followerCount: 1 });
    expect((await nearby(town.mp.residentB, spot, 'sewage'))[0]).toMatchObject({
      id: record.id,
      followed: true,
      followerCount: 1,
    });

    // A follower reads the case, sees staff but not the reporter, and finds it under "following".
    const detail = await b.get(`/cases/${record.id}`);
    expect(detail.status).toBe(200);
    const vo = detail.body.data as MpCaseDetailVO;
    expect(vo).toMatchObject({
      following: true,
      followerCount: 1,
      canRate: false,
      canDispute: false,
      disputeUntil: null,
    });
    expect(JSON.stringify(vo.events)).not.toContain(town.mp.residentA.nickname);
    expect(JSON.stringify(vo.events)).not.toContain(town.mp.residentB.nickname);
    const following = await b.get('/cases?scope=following');
    expect(following.body.data.map((c: MpCaseItemVO) => c.id)).toEqual([record.id]);
    expect(following.body.data[0].following).toBe(true);
    expect((await as(town.mp.residentA).get(`/cases/${record.id}`)).body.data.followerCount).toBe(1);

    const own = await as(town.mp.residentA).post(`/cases/${record.id}/follow`);
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('CASE_ACTION_FORBIDDEN');

    expect((await b.del(`/cases/${record.id}/follow`)).body.data).toEqual({ followed: false, followerCount: 0 });
    expect((await b.del(`/cases/${record.id}/follow`)).body.data).toEqual({ followed: false, followerCount: 0 });
    expect((await b.get(`/cases/${record.id}`)).status).toBe(404);
    expect((await town.ds.getRepository(CaseRecord).findOneByOrFail({ id: record.id })).followerCount).toBe(0);
  });

  it('keeps held and finished cases out of reach of followers', async () => {
    const held = await submitCase(t, town, { hold: true });
    const res = await as(town.mp.residentB).post(`/cases/${held.id}/follow`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('CASE_NOT_FOUND');
    const done = await resolvedCase();
    expect((await as(town.mp.residentB).post(`/cases/${done.id}/follow`)).body.error.code).toBe(
      'CASE_TRANSITION_INVALID',
    );
    expect((await as(town.mp.residentB).post(`/cases/${randomUUID()}/follow`)).status).toBe(404);
  });

  it('never shows a resident another resident’s case, rating or dispute', async () => {
    const record = await resolvedCase();
    const b = as(town.mp.residentB);
    for (const res of [
      await b.get(`/cases/${record.id}`),
      await b.post(`/cases/${record.id}/rate`, { rating: 1 }),
      await b.post(`/cases/${record.id}/dispute`, { reason: '根本没有修好' }),
      await b.post(`/cases/${record.id}/subscriptions`, { templateIds: ['sim_tmpl_case_resolved'] }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('CASE_NOT_FOUND');
    }
    expect((await b.get('/cases')).body.data.map((c: MpCaseItemVO) => c.id)).not.toContain(record.id);
  });

  it('lets the reporter rate a resolved case once, closing it as fixed', async () => {
    const a = as(town.mp.residentA);
    const open = await caseInProgress(t, town);
    const early = await a.post(`/cases/${open.id}/rate`, { rating: 5 });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('CASE_TRANSITION_INVALID');

    const record = await workflow.apply(open.id, 'resolve', workerA1, { result: '已到现场修复' });
    const before = (await a.get(`/cases/${record.id}`)).body.data as MpCaseDetailVO;
    expect(before).toMatchObject({ status: 'resolved', canRate: true, canDispute: true, resolution: '已到现场修复' });
    const stored = await town.ds.getRepository(CaseRecord).findOneByOrFail({ id: record.id });
    expect(+new Date(before.disputeUntil as string) - +new Date(stored.resolvedAt as Date)).toBe(7 * DAY);
    expect(before.events.map((e) => e.actor.name)).toContain('王五');

    expect((await a.post(`/cases/${record.id}/rate`, { rating: 6 })).status).toBe(400);
    expect((await a.post(`/cases/${record.id}/rate`, { rating: 4.5 })).status).toBe(400);
    const rated = await a.post(`/cases/${record.id}/rate`, { rating: 5, comment: '处理很及时' });
    expect(rated.status).toBe(200);
    expect(rated.body.data).toMatchObject({
      status: 'closed',
      outcome: 'fixed',
      rating: 5,
      ratingComment: '处理很及时',
      rated: true,
      canRate: false,
    });
    const again = await a.post(`/cases/${record.id}/rate`, { rating: 1 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CASE_ALREADY_RATED');
  });

  it('reopens a resolved case as disputed within 7 days, not after', async () => {
    const a = as(town.mp.residentA);
    const recent = await resolvedCase();
    const disputed = await a.post(`/cases/${recent.id}/dispute`, { reason: '坑还在，只填了一半' });
    expect(disputed.status).toBe(200);
    expect(disputed.body.data).toMatchObject({ status: 'disputed', canDispute: false, canRate: false });
    const events = disputed.body.data.events as MpCaseDetailVO['events'];
    expect(events[events.length - 1]).toMatchObject({ type: 'dispute', data: { reason: '坑还在，只填了一半' } });

    const old = await resolvedCase();
    await town.ds.getRepository(CaseRecord).update({ id: old.id }, { resolvedAt: new Date(Date.now() - 8 * DAY) });
    expect((await a.get(`/cases/${old.id}`)).body.data.canDispute).toBe(false);
    const late = await a.post(`/cases/${old.id}/dispute`, { reason: '坑还在，只填了一半' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('CASE_DISPUTE_WINDOW_CLOSED');
    expect((await a.post(`/cases/${old.id}/dispute`, { reason: '坑' })).status).toBe(400);
  });

  it('lists the resident’s own cases by status group', async () => {
    const c = { ...(await mpLogin(t, `res-c-${randomUUID().slice(0, 6)}`, '王二')), nickname: '王二' };
    // Distinct creation times: MariaDB keeps whole seconds.
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
    const open = await submitCase(t, town, { reporter: c, now: hoursAgo(3) });
    const resolved = await resolvedCase({ reporter: c, now: hoursAgo(2) });
    const closed = await resolvedCase({ reporter: c, now: hoursAgo(1) });
    expect((await as(c).post(`/cases/${closed.id}/rate`, { rating: 4 })).status).toBe(200);
    const ids = async (query: string) =>
      ((await as(c).get(`/cases${query}`)).body.data as MpCaseItemVO[]).map((i) => i.id);
    expect(await ids('')).toEqual([closed.id, resolved.id, open.id]);
    expect(await ids('?status=open')).toEqual([open.id]);
    expect(await ids('?status=resolved')).toEqual([resolved.id]);
    expect(await ids('?status=closed')).toEqual([closed.id]);
    const paged = await as(c).get('/cases?page=2&pageSize=2');
    expect(paged.body.page).toEqual({ page: 2, pageSize: 2, total: 3 });
    expect(paged.body.data.map((i: MpCaseItemVO) => i.id)).toEqual([open.id]);
    expect((await as(c).get('/cases?status=pending')).status).toBe(400);
  });

  it('stores the accepted subscribe templates of the reporter’s case, known ids only', async () => {
    const record = await submitCase(t, town);
    const a = as(town.mp.residentA);
    const first = await a.post(`/cases/${record.id}/subscriptions`, {
      templateIds: ['sim_tmpl_case_accepted', 'bogus', 'sim_tmpl_case_resolved'],
    });
    expect(first.status).toBe(200);
    expect(first.body.data).toEqual({ ok: true });
    await a.post(`/cases/${record.id}/subscriptions`, {
      templateIds: ['sim_tmpl_case_dispatched', 'sim_tmpl_case_accepted'],
    });
    const stored = await town.ds.getRepository(CaseRecord).findOneByOrFail({ id: record.id });
    expect([...stored.subscribedTemplates].sort()).toEqual([
      'sim_tmpl_case_accepted',
      'sim_tmpl_case_dispatched',
      'sim_tmpl_case_resolved',
    ]);
  });
});
