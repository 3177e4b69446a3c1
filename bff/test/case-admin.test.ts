import { randomUUID } from 'crypto';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { CaseTown, setupCaseTown, submitCase, townDispatcher } from './support/case-fixtures';
import { staffWithToken } from './support/staff-fixtures';
import { CaseRecord, CaseWorkflowService } from '../src/modules/case';
import { AuditLog } from '../src/core/audit';

const backend = currentBackend();
const MINUTE = 60_000;

describe(`staff case API on ${backend.name}`, () => {
  let t: TestApp;
  let town: CaseTown;
  let cA1: CaseRecord;
  let cA2: CaseRecord;
  let cB1: CaseRecord;

  const get = (auth: string, path: string) => t.http().get(`/api/admin${path}`).set('Authorization', auth);
  const post = (auth: string, path: string, body: object) =>
    t.http().post(`/api/admin${path}`).set('Authorization', auth).send(body);
  const ids = (res: { body: { data: { id: string }[] } }) => res.body.data.map((c) => c.id);
  const audits = (action: string, resourceId: string) =>
    town.ds.getRepository(AuditLog).find({ where: { action, resourceId } });

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    town = await setupCaseTown(t);
    const base = Date.now() - 10 * MINUTE;
    cA1 = await submitCase(t, town, { at: town.points.A1, now: new Date(base) });
    cA2 = await submitCase(t, town, {
      at: town.points.A2,
      categoryCode: 'garbage',
      description: '垃圾堆放在路边很久了',
      now: new Date(base + MINUTE),
    });
    cB1 = await submitCase(t, town, {
      at: town.points.B1,
      reporter: town.mp.residentB,
      now: new Date(base + 2 * MINUTE),
    });
  });
  afterAll(() => t?.close());

  it('shows a village admin only their village in list and map, and answers 404 for another village', async () => {
    const { villageA, town: townStaff } = town.staff;
    const list = await get(villageA.auth, '/cases');
    expect(list.status).toBe(200);
    expect(ids(list)).toEqual([cA2.id, cA1.id]);
    expect(list.body.page).toEqual({ page: 1, pageSize: 20, total: 2 });
    expect(list.body.data[0]).toMatchObject({
      categoryName: '垃圾堆放',
      regionName: '幸福村二网格',
      status: 'submitted',
      overdue: false,
    });
    const map = await get(villageA.auth, '/cases/map');
    expect(map.body.data.map((p: { id: string }) => p.id)).toEqual([cA2.id, cA1.id]);
    expect(map.body.data[1]).toEqual({
      id: cA1.id,
      no: cA1.no,
      status: 'submitted',
      categoryCode: 'road',
      location: town.points.A1,
      slaState: 'on_time',
      overdue: false,
    });
    expect(ids(await get(townStaff.auth, '/cases'))).toEqual([cB1.id, cA2.id, cA1.id]);

    for (const path of [`/cases/${cB1.id}`, `/cases/${cB1.id}/assignees`, `/cases/${randomUUID()}`]) {
      const res = await get(villageA.auth, path);
      expect([path, res.status, res.body.error?.code]).toEqual([path, 404, 'CASE_NOT_FOUND']);
    }
    const act = await post(villageA.auth, `/cases/${cB1.id}/actions`, { action: 'accept' });
    expect([act.status, act.body.error.code]).toEqual([404, 'CASE_NOT_FOUND']);
    expect((await post(villageA.auth, `/cases/${cB1.id}/notes`, { note: '不是我村的' })).status).toBe(404);
    expect((await get(villageA.auth, `/cases?regionId=${town.villageB.id}`)).status).toBe(404);
    expect((await get(villageA.auth, `/cases/map?regionId=${town.gridB1.id}`)).status).toBe(404);

    const piiA = await staffWithToken(t, {
      username: `pii.a.${randomUUID().slice(0, 4)}`,
      roles: ['village_admin'],
      grants: ['person:pii:read'],
      region: town.villageA,
    });
    expect((await get(piiA.auth, `/cases/${cB1.id}/pii`)).status).toBe(404);
    expect((await get(villageA.auth, `/cases/${cA1.id}/pii`)).status).toBe(403);
    expect(await audits('case.pii.read', cB1.id)).toHaveLength(0);
  });

  it('reveals the contact only through the audited PII route; anonymous reporters are hidden below town level', async () => {
    const detail = await get(town.staff.villageA.auth, `/cases/${cA1.id}`);
    expect(detail.body.data.reporter).toEqual({ anonymous: false, name: '张三', phone: '138****8000' });
    const pii = await get(town.staff.town.auth, `/cases/${cA1.id}/pii`);
    expect(pii.status).toBe(200);
    expect(pii.body.data).toEqual({ contactPhone: '13800138000', reporterName: '张三' });
    const [entry] = await audits('case.pii.read', cA1.id);
    expect(entry).toMatchObject({ actorId: town.staff.town.id, resourceType: 'case', result: 'success' });
    expect(entry.detail).not.toContain('13800138000');

    const anonymous = await submitCase(t, town, { at: town.points.A1, anonymous: true });
    expect((await get(town.staff.villageA.auth, `/cases/${anonymous.id}`)).body.data.reporter).toEqual({
      anonymous: true,
      name: '匿名',
      phone: null,
    });
    expect((await get(town.staff.town.auth, `/cases/${anonymous.id}`)).body.data.reporter).toMatchObject({
      anonymous: true,
      name: '张三',
    });
    await town.ds.getRepository(CaseRecord).delete({ id: anonymous.id });
  });

  it('filters by status list, category, region subtree, overdue, number or text, assignee; pages with a correct total', async () => {
    const auth = town.staff.town.auth;
    const workflow = await t.get(CaseWorkflowService);
    await workflow.apply(cA2.id, 'accept', await townDispatcher(t, town));
    await town.ds.getRepository(CaseRecord).update({ id: cA1.id }, { dueAt: new Date(Date.now() - MINUTE) });

    expect(ids(await get(auth, '/cases?status=accepted'))).toEqual([cA2.id]);
    expect(ids(await get(auth, '/cases?status=accepted,submitted'))).toEqual([cB1.id, cA2.id, cA1.id]);
    expect(ids(await get(auth, '/cases?status=accepted&status=dispatched'))).toEqual([cA2.id]);
    const bad = await get(auth, '/cases?status=nonsense');
    expect([bad.status, bad.body.error.details]).toEqual([400, [{ field: 'status', message: '未知的状态：nonsense' }]]);
    expect(ids(await get(auth, '/cases?categoryCode=garbage'))).toEqual([cA2.id]);
    expect(ids(await get(auth, `/cases?regionId=${town.villageA.id}`))).toEqual([cA2.id, cA1.id]);
    expect(ids(await get(auth, `/cases?regionId=${town.gridA2.id}`))).toEqual([cA2.id]);
    const overdue = await get(auth, '/cases?overdue=true');
    expect(ids(overdue)).toEqual([cA1.id]);
    expect(overdue.body.data[0]).toMatchObject({ slaState: 'overdue', overdue: true });
    expect(ids(await get(auth, `/cases/map?overdue=true`)).length).toBe(1);
    expect(ids(await get(auth, `/cases?q=${cB1.no}`))).toEqual([cB1.id]);
    expect(ids(await get(auth, `/cases?q=${encodeURIComponent('垃圾')}`))).toEqual([cA2.id]);
    expect(ids(await get(auth, `/cases?assignee=${town.mp.workerA1.id}`))).toEqual([cA1.id]);
    expect(ids(await get(auth, '/cases?assignee=me'))).toEqual([]);
    expect(ids(await get(auth, '/cases?source=hotline'))).toEqual([]);
    expect(ids(await get(auth, `/cases?from=2000-01-01&to=2000-01-02`))).toEqual([]);

    const page2 = await get(auth, '/cases?pageSize=2&page=2');
    expect([ids(page2), page2.body.page]).toEqual([[cA1.id], { page: 2, pageSize: 2, total: 3 }]);
    expect(ids(await get(auth, '/cases?sort=createdAt'))).toEqual([cA1.id, cA2.id, cB1.id]);
    expect(ids(await get(auth, '/cases?sort=dueAt'))[0]).toBe(cA1.id);
    expect((await get(auth, '/cases?pageSize=101')).status).toBe(400);
    expect((await get(auth, '/cases?sort=name')).status).toBe(400);
  });

  it('lets a grid leader dispatch within their grid only; a staff grid worker (no case:dispatch) gets 403', async () => {
    const { leaderA1, staffWorkerA1, villageA } = town.staff;
    const assignees = await get(leaderA1.auth, `/cases/${cA1.id}/assignees`);
    expect(assignees.status).toBe(200);
    const names = assignees.body.data.map((w: { kind: string; id: string }) => `${w.kind}:${w.id}`);
    expect(names).toEqual(
      expect.arrayContaining([`mp:${town.mp.workerA1.id}`, `staff:${leaderA1.id}`, `staff:${staffWorkerA1.id}`]),
    );
    expect(names).not.toContain(`staff:${villageA.id}`);
    expect(
      (await get(villageA.auth, `/cases/${cA1.id}/assignees`)).body.data.map((w: { id: string }) => w.id),
    ).toContain(villageA.id);

    const refused = await post(staffWorkerA1.auth, `/cases/${cA1.id}/actions`, { action: 'accept' });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await get(staffWorkerA1.auth, `/cases/${cA1.id}`)).body.data.availableActions).toEqual([]);
    expect(
      (
        await post(leaderA1.auth, `/cases/${cA2.id}/actions`, {
          action: 'dispatch',
          assignee: { kind: 'mp', id: town.mp.workerA1.id },
        })
      ).status,
    ).toBe(404);

    const accepted = await post(leaderA1.auth, `/cases/${cA1.id}/actions`, { action: 'accept', note: '已受理' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.data).toMatchObject({
      status: 'accepted',
      availableActions: expect.arrayContaining(['dispatch', 'reject']),
    });
    const outside = await post(leaderA1.auth, `/cases/${cA1.id}/actions`, {
      action: 'dispatch',
      assignee: { kind: 'mp', id: town.mp.workerB1.id },
    });
    expect(outside.status).toBe(404);
    const dispatched = await post(leaderA1.auth, `/cases/${cA1.id}/actions`, {
      action: 'dispatch',
      assignee: { kind: 'mp', id: town.mp.workerA1.id },
      version: accepted.body.data.version,
    });
    expect(dispatched.status).toBe(200);
    expect(dispatched.body.data).toMatchObject({
      status: 'dispatched',
      assignee: { kind: 'mp', id: town.mp.workerA1.id, name: '王五' },
    });
    expect(dispatched.body.data.events.map((e: { type: string }) => e.type)).toEqual(['created', 'accept', 'dispatch']);
  });

  it('requires a reason to reject (400 in Chinese), refuses illegal transitions (409) and stale versions (409), audits rejections', async () => {
    const auth = town.staff.villageA.auth;
    const c = await submitCase(t, town, { at: town.points.A2 });
    const noReason = await post(auth, `/cases/${c.id}/actions`, { action: 'reject' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'reason', message: '请填写原因' }],
    });
    const shortReason = await post(auth, `/cases/${c.id}/actions`, { action: 'reject', reason: '否' });
    expect(shortReason.body.error.details).toEqual([{ field: 'reason', message: '原因至少 2 个字' }]);
    const illegal = await post(auth, `/cases/${c.id}/actions`, { action: 'resolve', result: '已经处理完毕' });
    expect([illegal.status, illegal.body.error.code]).toEqual([409, 'CASE_TRANSITION_INVALID']);
    const unknown = await post(auth, `/cases/${c.id}/actions`, { action: 'explode' });
    expect(unknown.status).toBe(400);

    const { version } = (await get(auth, `/cases/${c.id}`)).body.data;
    expect((await post(auth, `/cases/${c.id}/actions`, { action: 'accept', version })).status).toBe(200);
    const stale = await post(auth, `/cases/${c.id}/actions`, { action: 'reject', reason: '重复反映', version });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'CONFLICT']);
    const rejected = await post(auth, `/cases/${c.id}/actions`, {
      action: 'reject',
      reason: '经核实不属于本村职责范围',
      version: version + 1,
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.data).toMatchObject({ status: 'rejected', rejectReason: '经核实不属于本村职责范围' });
    const [entry] = await audits('case.reject', c.id);
    expect(entry).toMatchObject({ actorId: town.staff.villageA.id, result: 'success' });
    expect(JSON.parse(entry.detail as string)).toMatchObject({
      from: 'accepted',
      to: 'rejected',
      reason: '经核实不属于本村职责范围',
    });
    expect(await audits('case.accept', c.id)).toHaveLength(0);
  });

  it('transfers only to regions in scope (404 otherwise) and audits the transfer', async () => {
    const auth = town.staff.villageA.auth;
    const c = await submitCase(t, town, { at: town.points.A1 });
    const outside = await post(auth, `/cases/${c.id}/actions`, {
      action: 'transfer',
      targetRegionId: town.gridB1.id,
      reason: '属于和谐村',
    });
    expect(outside.status).toBe(404);
    const moved = await post(auth, `/cases/${c.id}/actions`, {
      action: 'transfer',
      targetRegionId: town.gridA2.id,
      reason: '属于二网格',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.data).toMatchObject({
      status: 'transferred',
      regionId: town.gridA2.id,
      regionName: '幸福村二网格',
      assignee: null,
    });
    expect(JSON.parse((await audits('case.transfer', c.id))[0].detail as string)).toMatchObject({
      toRegionId: town.gridA2.id,
    });
    // Now outside the grid leader of A1.
    expect((await get(town.staff.leaderA1.auth, `/cases/${c.id}`)).status).toBe(404);
  });

  it('batch-dispatches each case separately: an out-of-scope case fails, the others succeed', async () => {
    const auth = town.staff.villageA.auth;
    const one = await submitCase(t, town, { at: town.points.A1 });
    const two = await submitCase(t, town, { at: town.points.A2 });
    const other = await submitCase(t, town, { at: town.points.B1 });
    const res = await post(auth, '/cases/batch-dispatch', {
      caseIds: [one.id, other.id, two.id],
      assignee: { kind: 'mp', id: town.mp.workerA1.id },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      succeeded: [one.id, two.id],
      failed: [{ id: other.id, code: 'CASE_NOT_FOUND', message: '工单不存在' }],
    });
    expect((await town.ds.getRepository(CaseRecord).findOneByOrFail({ id: two.id })).status).toBe('dispatched');
    expect((await town.ds.getRepository(CaseRecord).findOneByOrFail({ id: other.id })).status).toBe('submitted');
    // Already closed for dispatch: reported with its code, not thrown.
    const again = await post(auth, '/cases/batch-dispatch', {
      caseIds: [one.id],
      assignee: { kind: 'staff', id: town.staff.leaderA1.id },
    });
    expect(again.body.data).toEqual({ succeeded: [one.id], failed: [] });
    const rejected = await submitCase(t, town, { at: town.points.A1 });
    await post(auth, `/cases/${rejected.id}/actions`, { action: 'reject', reason: '重复反映' });
    const mixed = await post(auth, '/cases/batch-dispatch', {
      caseIds: [rejected.id],
      assignee: { kind: 'mp', id: town.mp.workerA1.id },
    });
    expect(mixed.body.data.failed).toEqual([
      { id: rejected.id, code: 'CASE_TRANSITION_INVALID', message: '工单当前状态不允许此操作' },
    ]);
    expect(
      (
        await post(auth, '/cases/batch-dispatch', {
          caseIds: [one.id],
          assignee: { kind: 'mp', id: town.mp.workerB1.id },
        })
      ).status,
    ).toBe(404);
    expect(
      (await post(auth, '/cases/batch-dispatch', { caseIds: [], assignee: { kind: 'mp', id: town.mp.workerA1.id } }))
        .status,
    ).toBe(400);
  });

  it('adds notes as the dispatcher and shows them in the timeline', async () => {
    const res = await post(town.staff.villageA.auth, `/cases/${cA2.id}/notes`, { note: '已电话联系环卫所' });
    expect(res.status).toBe(200);
    expect(res.body.data.events.at(-1)).toMatchObject({
      type: 'note',
      note: '已电话联系环卫所',
      actor: { kind: 'staff', name: town.staff.villageA.username },
    });
    expect((await post(town.staff.villageA.auth, `/cases/${cA2.id}/notes`, { note: '' })).status).toBe(400);
  });

  it('files a staff-entered case (phone call) in scope, idempotently', async () => {
    const auth = town.staff.villageA.auth;
    const key = randomUUID();
    const body = {
      categoryCode: 'streetlight',
      description: '村东头路灯不亮已经三天',
      regionId: town.gridA2.id,
      address: '村东头',
      contactName: '王大爷',
      contactPhone: '0571-88886666',
      idempotencyKey: key,
    };
    const created = await post(auth, '/cases', body);
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      source: 'admin',
      status: 'submitted',
      regionId: town.gridA2.id,
      location: null,
      reporter: { name: '王大爷', anonymous: false },
    });
    expect((await post(auth, '/cases', body)).body.data.id).toBe(created.body.data.id);
    const located = await post(auth, '/cases', {
      ...body,
      idempotencyKey: undefined,
      regionId: undefined,
      location: { lng: town.points.A1[0], lat: town.points.A1[1] },
    });
    expect(located.body.data).toMatchObject({ regionId: town.gridA1.id, location: town.points.A1 });
    const elsewhere = await post(auth, '/cases', {
      ...body,
      idempotencyKey: undefined,
      regionId: undefined,
      location: { lng: town.points.B1[0], lat: town.points.B1[1] },
    });
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([400, 'CASE_LOCATION_OUTSIDE']);
    expect((await post(auth, '/cases', { ...body, idempotencyKey: undefined, regionId: town.gridB1.id })).status).toBe(
      404,
    );
    const nowhere = await post(auth, '/cases', { ...body, idempotencyKey: undefined, regionId: undefined });
    expect(nowhere.body.error.details).toEqual([{ field: 'regionId', message: '请选择位置或所属区域' }]);
    expect((await post(auth, '/cases', { ...body, description: '短' })).status).toBe(400);
    expect((await post(town.staff.staffWorkerA1.auth, '/cases', body)).status).toBe(403);
  });

  it('keeps saved views per staff member (at most 20, names up to 32 characters, known filters only)', async () => {
    const { villageA, villageB } = town.staff;
    const created = await post(villageA.auth, '/case-views', {
      name: '超时未办',
      filters: { status: ['submitted', 'accepted'], overdue: 'true', q: '' },
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      name: '超时未办',
      filters: { status: ['submitted', 'accepted'], overdue: 'true' },
    });
    expect((await post(villageA.auth, '/case-views', { name: '超时未办', filters: {} })).status).toBe(409);
    expect((await post(villageA.auth, '/case-views', { name: 'x'.repeat(33), filters: {} })).status).toBe(400);
    expect((await post(villageA.auth, '/case-views', { name: '坏的', filters: { secret: 'x' } })).status).toBe(400);
    expect((await get(villageB.auth, '/case-views')).body.data).toEqual([]);
    expect(
      (await t.http().delete(`/api/admin/case-views/${created.body.data.id}`).set('Authorization', villageB.auth))
        .status,
    ).toBe(404);
    for (let i = 1; i < 20; i++)
      expect((await post(villageA.auth, '/case-views', { name: `视图${i}`, filters: {} })).status).toBe(201);
    const full = await post(villageA.auth, '/case-views', { name: '第21个', filters: {} });
    expect([full.status, full.body.error.details[0].message]).toEqual([400, '最多保存 20 个视图，请先删除不用的']);
    expect((await get(villageA.auth, '/case-views')).body.data).toHaveLength(20);
    expect(
      (await t.http().delete(`/api/admin/case-views/${created.body.data.id}`).set('Authorization', villageA.auth))
        .status,
    ).toBe(204);
    expect((await get(villageA.auth, '/case-views')).body.data).toHaveLength(19);
  });
});
