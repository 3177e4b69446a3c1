import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { CaseTown, setupCaseTown, submitCase } from './support/case-fixtures';
import { CaseEvent, CaseRecord } from '../src/modules/case';
import { AuditLog } from '../src/core/audit';

const backend = currentBackend();

describe(`更正位置 (case location correction) on ${backend.name}`, () => {
  let t: TestApp;
  let town: CaseTown;

  const post = (auth: string, path: string, body: object) =>
    t.http().post(`/api/admin${path}`).set('Authorization', auth).send(body);
  const relocate = (auth: string, id: string, body: object) => post(auth, `/cases/${id}/location`, body);
  const row = (id: string) => town.ds.getRepository(CaseRecord).findOneByOrFail({ id });
  const audits = (resourceId: string) =>
    town.ds.getRepository(AuditLog).find({ where: { action: 'case.relocate', resourceId } });

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    town = await setupCaseTown(t);
  });
  afterAll(() => t?.close());

  it('moves the pin, finds the grid from the point, re-proposes the worker, and records timeline and audit', async () => {
    const c = await submitCase(t, town, { at: town.points.A1 });
    expect(c).toMatchObject({ regionId: town.gridA1.id, assigneeName: '王五' });
    const res = await relocate(town.staff.villageA.auth, c.id, {
      location: { lng: 120.1155, lat: 30.2111 },
      address: '幸福村东头桥边',
      reason: '居民定位偏了，实际在桥边',
      version: c.version,
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      regionId: town.gridA2.id,
      regionName: '幸福村二网格',
      location: [120.1155, 30.2111],
      address: '幸福村东头桥边',
      status: 'submitted',
    });
    // 二网格 has no worker of its own: the 拟派 of 一网格 does not follow the case.
    expect(await row(c.id)).toMatchObject({ scopePath: town.gridA2.path, assigneeId: null, assigneeName: null });
    const event = res.body.data.events.at(-1);
    expect(event).toMatchObject({ type: 'relocated', actor: { kind: 'staff', name: town.staff.villageA.username } });
    expect(event.data).toMatchObject({
      reason: '居民定位偏了，实际在桥边',
      fromRegion: '幸福村一网格',
      regionName: '幸福村二网格',
      toLocation: '120.115500, 30.211100',
    });
    const [audit] = await audits(c.id);
    expect(audit).toMatchObject({ actorId: town.staff.villageA.id, result: 'success', resourceType: 'case' });
    expect(JSON.parse(audit.detail as string)).toMatchObject({
      no: c.no,
      fromRegionId: town.gridA1.id,
      toRegionId: town.gridA2.id,
      from: town.points.A1,
      to: [120.1155, 30.2111],
    });
  });

  it('changes only the grid when only the grid is given, keeping the point and a dispatched worker', async () => {
    const c = await submitCase(t, town, { at: town.points.A1 });
    await post(town.staff.town.auth, `/cases/${c.id}/actions`, {
      action: 'dispatch',
      assignee: { kind: 'mp', id: town.mp.workerA1.id },
    });
    const res = await relocate(town.staff.town.auth, c.id, { regionId: town.gridB1.id, reason: '由和谐村负责这段路' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      regionId: town.gridB1.id,
      location: town.points.A1,
      status: 'dispatched',
      assignee: { name: '王五' },
    });
    expect(res.body.data.events.at(-1).data).not.toHaveProperty('toLocation');
    expect(await audits(c.id)).toHaveLength(1);
  });

  it('refuses out-of-scope cases, grids and points with 404, and records nothing', async () => {
    const villageA = town.staff.villageA.auth;
    const mine = await submitCase(t, town, { at: town.points.A1 });
    const theirs = await submitCase(t, town, { at: town.points.B1, reporter: town.mp.residentB });
    const refusals = [
      [
        await relocate(villageA, theirs.id, { location: { lng: 120.105, lat: 30.21 }, reason: '这是我村的' }),
        'CASE_NOT_FOUND',
      ],
      [await relocate(villageA, mine.id, { regionId: town.gridB1.id, reason: '给和谐村' }), 'NOT_FOUND'],
      [
        await relocate(villageA, mine.id, {
          location: { lng: town.points.B1[0], lat: town.points.B1[1] },
          reason: '其实在和谐村',
        }),
        'NOT_FOUND',
      ],
      // A grid leader cannot move a case out of their own grid either.
      [
        await relocate(town.staff.leaderA1.auth, mine.id, { regionId: town.gridA2.id, reason: '给二网格' }),
        'NOT_FOUND',
      ],
    ] as const;
    expect(refusals.map(([res, code]) => [res.status, res.body.error?.code, code])).toEqual(
      refusals.map(([, code]) => [404, code, code]),
    );
    expect(await row(mine.id)).toMatchObject({
      regionId: town.gridA1.id,
      lng: town.points.A1[0],
      version: mine.version,
    });
    expect(await audits(mine.id)).toHaveLength(0);
    expect(await town.ds.getRepository(CaseEvent).countBy({ caseId: mine.id, type: 'relocated' })).toBe(0);
  });

  it('answers bad input with 4xx errors: no reason, nothing to change, outside the town, stale version, no permission', async () => {
    const auth = town.staff.villageA.auth;
    const c = await submitCase(t, town, { at: town.points.A1 });
    const cases: [object, number, string][] = [
      [{ location: { lng: town.points.A2[0], lat: town.points.A2[1] } }, 400, 'VALIDATION_FAILED'],
      [{ location: town.points.A2, reason: '坐标写成了数组' }, 400, 'VALIDATION_FAILED'],
      [{ reason: '只写了原因' }, 400, 'VALIDATION_FAILED'],
      [{ location: { lng: 'east', lat: 30.2 }, reason: '格式不对' }, 400, 'VALIDATION_FAILED'],
      [
        { location: { lng: town.points.outside[0], lat: town.points.outside[1] }, reason: '在镇外' },
        400,
        'CASE_LOCATION_OUTSIDE',
      ],
      [{ regionId: town.gridA2.id, reason: '旧版本', version: c.version + 5 }, 409, 'CONFLICT'],
    ];
    for (const [body, status, code] of cases) {
      const res = await relocate(auth, c.id, body);
      expect([JSON.stringify(body), res.status, res.body.error?.code]).toEqual([JSON.stringify(body), status, code]);
    }
    const worker = await relocate(town.staff.staffWorkerA1.auth, c.id, {
      regionId: town.gridA1.id,
      reason: '没有派单权限',
    });
    expect(worker.status).toBe(403);
    expect(await audits(c.id)).toHaveLength(0);
  });
});
