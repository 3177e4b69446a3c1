import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { mpLogin, MpFixture } from './support/mp-fixtures';
import { CaseTown, setupCaseTown, submitCase } from './support/case-fixtures';
import { CaseRecord } from '../src/modules/case';
import { MpUser } from '../src/modules/mp-user/mp-user.entity';

const backend = currentBackend();
const HOUR = 3_600_000;
const jpeg = Buffer.from([
  0xff, 0xd8, 0xff, 0xdb, 0x00, 0x04, 0x01, 0x02, 0xff, 0xda, 0x00, 0x04, 0x01, 0x00, 0x12, 0x34, 0xff, 0xd9,
]);

describe(`grid worker task API on ${backend.name}`, () => {
  let t: TestApp;
  let town: CaseTown;
  let uploadDir: string;

  const admin = (auth: string, path: string, body?: object) =>
    body
      ? t.http().post(`/api/admin${path}`).set('Authorization', auth).send(body)
      : t.http().get(`/api/admin${path}`).set('Authorization', auth);
  const mp = (who: { auth: string }, path: string, body?: object) =>
    body
      ? t.http().post(`/api/mp/grid${path}`).set('Authorization', who.auth).send(body)
      : t.http().get(`/api/mp/grid${path}`).set('Authorization', who.auth);
  const upload = async (who: { auth: string }) => {
    const res = await t
      .http()
      .post('/api/mp/files')
      .set('Authorization', who.auth)
      .attach('file', jpeg, { filename: 'p.jpg', contentType: 'image/jpeg' });
    expect(res.status).toBe(201);
    return res.body.data.id as string;
  };
  /** Accepts and dispatches a case to a mini-program worker as the town dispatcher, over HTTP. */
  const dispatchTo = async (record: CaseRecord, worker: MpFixture) => {
    const auth = town.staff.town.auth;
    expect((await admin(auth, `/cases/${record.id}/actions`, { action: 'accept' })).status).toBe(200);
    const res = await admin(auth, `/cases/${record.id}/actions`, {
      action: 'dispatch',
      assignee: { kind: 'mp', id: worker.id },
    });
    expect(res.status).toBe(200);
    return res.body.data;
  };
  const ids = (res: { body: { data: { id: string }[] } }) => res.body.data.map((c) => c.id);

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'zhili-tasks-'));
    t = await startTestApp(backend, { JOBS_ENABLED: 'false', UPLOAD_DIR: uploadDir });
    town = await setupCaseTown(t);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  it('refuses residents, staff tokens and workers whose role was revoked (403)', async () => {
    for (const path of ['/tasks', '/tasks?status=done', '/tasks/x']) {
      const res = await mp(town.mp.residentA, path);
      expect([path, res.status, res.body.error?.code]).toEqual([path, 403, 'FORBIDDEN']);
    }
    expect((await mp(town.mp.residentA, '/tasks/x/actions', { action: 'start' })).status).toBe(403);
    expect((await mp(town.staff.staffWorkerA1, '/tasks')).status).toBe(403);
    // A token issued while they were a worker: the database says otherwise now.
    const first = await mpLogin(t, 'revoked-worker', '前网格员');
    await town.ds
      .getRepository(MpUser)
      .update(
        { id: first.id },
        { roles: ['resident', 'grid_worker'], regionId: town.gridA1.id, scopePath: town.gridA1.path },
      );
    const former = await mpLogin(t, 'revoked-worker', '前网格员');
    expect((await mp(former, '/tasks')).status).toBe(200);
    await town.ds.getRepository(MpUser).update({ id: former.id }, { roles: ['resident'] });
    expect((await mp(former, '/tasks')).status).toBe(403);
  });

  it('runs the whole loop: staff accept and dispatch, the worker starts and resolves with an after-photo, the timeline shows it', async () => {
    const record = await submitCase(t, town, { at: town.points.A1 });
    const worker = town.mp.workerA1;
    // Proposed by the intake but not yet dispatched: not a task.
    expect(record.assigneeId).toBe(worker.id);
    expect((await mp(worker, `/tasks/${record.id}`)).status).toBe(404);
    await dispatchTo(record, worker);

    const todo = await mp(worker, '/tasks');
    expect(ids(todo)).toContain(record.id);
    expect(todo.body.data.find((i: { id: string }) => i.id === record.id)).toEqual({
      id: record.id,
      no: record.no,
      categoryName: '道路破损',
      description: record.description,
      status: 'dispatched',
      priority: 'normal',
      address: '幸福村村口',
      location: town.points.A1,
      dueAt: new Date(record.dueAt as Date).toISOString(),
      slaState: 'on_time',
      overdue: false,
      thumbUrl: null,
      createdAt: new Date(record.createdAt).toISOString(),
    });
    const detail = await mp(worker, `/tasks/${record.id}`);
    expect(detail.body.data.availableActions).toEqual(['start', 'return', 'resolve']);

    const started = await mp(worker, `/tasks/${record.id}/actions`, {
      action: 'start',
      version: detail.body.data.version,
    });
    expect(started.status).toBe(200);
    expect(started.body.data).toMatchObject({ status: 'processing', availableActions: ['return', 'resolve'] });
    const again = await mp(worker, `/tasks/${record.id}/actions`, { action: 'start' });
    expect([again.status, again.body.error.code]).toEqual([409, 'CASE_TRANSITION_INVALID']);
    const stale = await mp(worker, `/tasks/${record.id}/actions`, {
      action: 'resolve',
      result: '已修补',
      version: detail.body.data.version,
    });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'CONFLICT']);

    const before = await upload(worker);
    const noted = await mp(worker, `/tasks/${record.id}/notes`, { note: '已到现场，正在修补', photoIds: [before] });
    expect(noted.status).toBe(200);
    expect(noted.body.data.events.at(-1)).toMatchObject({
      type: 'note',
      note: '已到现场，正在修补',
      actor: { kind: 'mp', name: '王五' },
      photos: [{ id: before, phase: 'after' }],
    });

    const noResult = await mp(worker, `/tasks/${record.id}/actions`, { action: 'resolve' });
    expect(noResult.status).toBe(400);
    expect(noResult.body.error.details).toEqual([{ field: 'result', message: '请填写处理结果' }]);
    expect((await mp(worker, `/tasks/${record.id}/actions`, { action: 'close', outcome: 'fixed' })).status).toBe(400);

    const after = await upload(worker);
    const resolved = await mp(worker, `/tasks/${record.id}/actions`, {
      action: 'resolve',
      result: '路面已修补平整',
      photoIds: [after],
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body.data).toMatchObject({ status: 'resolved', availableActions: [] });

    const staffView = (await admin(town.staff.villageA.auth, `/cases/${record.id}`)).body.data;
    expect(staffView).toMatchObject({
      status: 'resolved',
      resolution: '路面已修补平整',
      assignee: { kind: 'mp', id: worker.id, name: '王五' },
    });
    expect(staffView.events.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'accept',
      'dispatch',
      'start',
      'note',
      'resolve',
    ]);
    const resolveEvent = staffView.events.at(-1);
    expect(resolveEvent).toMatchObject({
      fromStatus: 'processing',
      toStatus: 'resolved',
      actor: { kind: 'mp', name: '王五' },
      photos: [{ id: after, phase: 'after' }],
    });
    const photo = await t.http().get(resolveEvent.photos[0].url);
    expect(photo.status).toBe(200);

    expect(ids(await mp(worker, '/tasks'))).not.toContain(record.id);
    expect(ids(await mp(worker, '/tasks?status=done'))).toContain(record.id);
  });

  it('lists to-do tasks by deadline (none last) with paging, and done tasks newest first', async () => {
    const worker = town.mp.workerA1;
    const [first, second, third] = [await submitCase(t, town), await submitCase(t, town), await submitCase(t, town)];
    for (const c of [first, second, third]) await dispatchTo(c, worker);
    const repo = town.ds.getRepository(CaseRecord);
    await repo.update({ id: first.id }, { dueAt: new Date(Date.now() + 48 * HOUR) });
    await repo.update({ id: second.id }, { dueAt: new Date(Date.now() - HOUR) });
    await repo.update({ id: third.id }, { dueAt: null });

    const all = await mp(worker, '/tasks?pageSize=100');
    expect(ids(all)).toEqual([second.id, first.id, third.id]);
    expect(all.body.data[0].overdue).toBe(true);
    const page2 = await mp(worker, '/tasks?pageSize=2&page=2');
    expect([ids(page2), page2.body.page]).toEqual([[third.id], { page: 2, pageSize: 2, total: 3 }]);

    const returned = await mp(worker, `/tasks/${first.id}/actions`, { action: 'return', reason: '不属于本网格范围' });
    expect(returned.body.data.status).toBe('returned');
    const noReason = await mp(worker, `/tasks/${second.id}/actions`, { action: 'return' });
    expect(noReason.body.error.details).toEqual([{ field: 'reason', message: '请填写退回原因' }]);
    const done = await mp(worker, '/tasks?status=done');
    expect(ids(done)[0]).toBe(first.id);
    expect(done.body.page.total).toBe(2);
    expect((await mp(worker, '/tasks?status=later')).status).toBe(400);
  });

  it("keeps grid B's tasks away from worker A (404), and cases only proposed or resolved by staff out of their done list", async () => {
    const theirs = await submitCase(t, town, { at: town.points.B1, reporter: town.mp.residentB });
    await dispatchTo(theirs, town.mp.workerB1);
    const workerA = town.mp.workerA1;
    for (const res of [
      await mp(workerA, `/tasks/${theirs.id}`),
      await mp(workerA, `/tasks/${theirs.id}/actions`, { action: 'start' }),
      await mp(workerA, `/tasks/${theirs.id}/notes`, { note: '看看' }),
    ]) {
      expect([res.status, res.body.error.code]).toEqual([404, 'CASE_NOT_FOUND']);
    }
    expect(ids(await mp(workerA, '/tasks?pageSize=100'))).not.toContain(theirs.id);
    expect((await town.ds.getRepository(CaseRecord).findOneByOrFail({ id: theirs.id })).status).toBe('dispatched');
    expect(ids(await mp(town.mp.workerB1, '/tasks'))).toEqual([theirs.id]);

    // Resolved by the dispatcher over the worker's head: not the worker's own work.
    const resolvedByStaff = await admin(town.staff.town.auth, `/cases/${theirs.id}/actions`, {
      action: 'resolve',
      result: '镇里已处理',
    });
    expect(resolvedByStaff.status).toBe(200);
    expect(ids(await mp(town.mp.workerB1, '/tasks?status=done'))).toEqual([]);
  });
});
