import { randomUUID } from 'crypto';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import {
  caseInProgress,
  CaseTown,
  setupCaseTown,
  submitCase,
  systemActor,
  townDispatcher,
} from './support/case-fixtures';
import { CaseEvent, CaseFollower, CaseIntakeService, CaseRecord, CaseWorkflowService } from '../src/modules/case';
import type { CaseActor } from '../src/modules/case';
import { OutboxMessage } from '../src/core/outbox';
import { Holiday } from '../src/modules/case';
import { CaseSubscribeSender } from '../src/modules/case/notify';
import { ensureCaseNoCounter, nextCaseNo } from '../src/modules/case/core/case-numbers';

const backend = currentBackend();
const DAY = 86_400_000;

describe(`case intake and workflow on ${backend.name}`, () => {
  let t: TestApp;
  let town: CaseTown;
  let workflow: CaseWorkflowService;
  let sender: CaseSubscribeSender;
  let dispatcher: CaseActor;
  const reporterA = (): CaseActor => ({ role: 'reporter', kind: 'mp', id: town.mp.residentA.id, name: '张三' });
  const workerA1 = (): CaseActor => ({
    role: 'assignee',
    kind: 'mp',
    id: town.mp.workerA1.id,
    name: '王五',
    principal: { kind: 'mp', id: town.mp.workerA1.id, roles: ['resident', 'grid_worker'] },
  });
  const events = (caseId: string) =>
    town.ds.getRepository(CaseEvent).find({ where: { caseId }, order: { seq: 'ASC' } });
  const outbox = (caseId: string) =>
    town.ds
      .getRepository(OutboxMessage)
      .createQueryBuilder('o')
      .where('o.payload LIKE :id', { id: `%${caseId}%` })
      .orderBy('o.created_at', 'ASC')
      .getMany();

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    town = await setupCaseTown(t);
    workflow = await t.get(CaseWorkflowService);
    sender = await t.get(CaseSubscribeSender);
    dispatcher = await townDispatcher(t, town);
  });
  afterAll(() => t?.close());

  it('files a case in the grid containing the point, proposes its worker and sets working-time deadlines', async () => {
    // Monday 2026-11-23 09:00 Shanghai; road: 24 working hours → 7 h on Monday, 7.5 on Tuesday and Wednesday, 2 on Thursday → 10:30 (7.5 h a day).
    const now = new Date('2026-11-23T09:00:00+08:00');
    const record = await submitCase(t, town, { at: town.points.A2, now });
    expect(record.regionId).toBe(town.gridA2.id);
    expect(record.scopePath).toBe(town.gridA2.path);
    expect(record.status).toBe('submitted');
    expect(record.no).toMatch(/^20261123\d{4}$/);
    expect(record.department).toBe('城建办');
    expect(new Date(record.dueAt as Date).toISOString()).toBe(new Date('2026-11-26T10:30:00+08:00').toISOString());
    expect(new Date(record.acceptDueAt as Date).toISOString()).toBe(
      new Date('2026-11-23T11:00:00+08:00').toISOString(),
    );
    const a1 = await submitCase(t, town, { now });
    expect(a1.assigneeId).toBe(town.mp.workerA1.id);
    expect(a1.no > record.no).toBe(true);
    const [created] = await events(record.id);
    expect(created).toMatchObject({ seq: 1, type: 'created', toStatus: 'submitted', actorName: '张三' });
    expect((await outbox(record.id)).map((o) => o.topic)).toEqual(['case.realtime.changed']);
  });

  it('moves the resolution deadline past a holiday in the calendar', async () => {
    const now = new Date('2026-12-30T09:00:00+08:00'); // Wednesday
    const before = await submitCase(t, town, { now, categoryCode: 'garbage' }); // 8 working hours
    expect(new Date(before.dueAt as Date).toISOString()).toBe(new Date('2026-12-31T09:30:00+08:00').toISOString());
    await town.ds.getRepository(Holiday).insert({ date: '2026-12-31', kind: 'holiday', name: '测试假日' });
    const { CaseCalendarService } = await import('../src/modules/case');
    (await t.get(CaseCalendarService)).invalidate();
    const after = await submitCase(t, town, { now, categoryCode: 'garbage' });
    expect(new Date(after.dueAt as Date).toISOString()).toBe(new Date('2027-01-01T09:30:00+08:00').toISOString());
    await town.ds.getRepository(Holiday).delete({ date: '2026-12-31' });
    (await t.get(CaseCalendarService)).invalidate();
  });

  it('answers the same case for a repeated idempotency key, also when both arrive at once', async () => {
    const key = randomUUID();
    const first = await submitCase(t, town, { idempotencyKey: key });
    const again = await submitCase(t, town, { idempotencyKey: key });
    expect(again.id).toBe(first.id);
    const raceKey = randomUUID();
    const both = await Promise.all([
      submitCase(t, town, { idempotencyKey: raceKey }),
      submitCase(t, town, { idempotencyKey: raceKey }),
    ]);
    expect(both[0].id).toBe(both[1].id);
    expect(await town.ds.getRepository(CaseRecord).count({ where: { idempotencyKey: raceKey } })).toBe(1);
  });

  it('numbers concurrent intakes one after another, continuing after cases numbered without the counter', async () => {
    // A day nobody has filed on: a case written directly (as the demo seed does) holds …0007.
    const now = new Date('2026-11-25T10:00:00+08:00');
    const seeded = await submitCase(t, town, { now: new Date('2026-11-24T10:00:00+08:00') });
    await town.ds.getRepository(CaseRecord).update({ id: seeded.id }, { no: '202611250007' });
    const all = await Promise.allSettled(Array.from({ length: 20 }, () => submitCase(t, town, { now })));
    expect(all.filter((r) => r.status === 'rejected')).toEqual([]);
    const numbers = all.map((r) => (r as PromiseFulfilledResult<CaseRecord>).value.no).sort();
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, k) => `20261125${String(8 + k).padStart(4, '0')}`));
  });

  (backend.name === 'mysql+redis' ? it : it.skip)(
    'numbers two interleaved first intakes of a day without a deadlock (the counter row exists before either locks)',
    async () => {
      // The interleaving that deadlocked when the counter row was created inside the intake
      // transaction: both transactions reach the counter before either commits.
      const now = new Date('2026-11-27T10:00:00+08:00');
      await ensureCaseNoCounter(town.ds.manager, now);
      const first = town.ds.createQueryRunner();
      const second = town.ds.createQueryRunner();
      try {
        await first.startTransaction();
        await second.startTransaction();
        const a = await nextCaseNo(first.manager, now);
        const waiting = nextCaseNo(second.manager, now); // blocks on the row lock until `first` commits
        await first.commitTransaction();
        const b = await waiting;
        await second.commitTransaction();
        expect([a, b]).toEqual(['202611270001', '202611270002']);
      } finally {
        await first.release();
        await second.release();
      }
    },
  );

  it('refuses a location outside every grid and an unknown or inactive category', async () => {
    await expect(submitCase(t, town, { at: town.points.outside })).rejects.toMatchObject({
      code: 'CASE_LOCATION_OUTSIDE',
    });
    await expect(submitCase(t, town, { categoryCode: 'nope' })).rejects.toMatchObject({
      code: 'CASE_CATEGORY_INVALID',
    });
  });

  it('runs the main line to closed-as-fixed with a timeline entry and outbox messages per step', async () => {
    const record = await caseInProgress(t, town);
    const resolved = await workflow.apply(record.id, 'resolve', workerA1(), { result: '已修补路面' });
    expect(resolved).toMatchObject({ status: 'resolved', resolution: '已修补路面' });
    const closed = await workflow.apply(record.id, 'rate', reporterA(), { rating: 5, comment: '很及时' });
    expect(closed).toMatchObject({ status: 'closed', outcome: 'fixed', rating: 5 });
    const timeline = await events(record.id);
    expect(timeline.map((e) => e.type)).toEqual(['created', 'accept', 'dispatch', 'start', 'resolve', 'rate']);
    expect(timeline.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(timeline[2].data).toMatchObject({ assignee: '王五' });
    const topics = (await outbox(record.id)).map((o) => o.topic);
    expect(topics.filter((x) => x === 'case.realtime.changed')).toHaveLength(6);
    expect(topics).toContain('case.realtime.task');
    // The reporter subscribed to nothing: no subscribe message may be queued.
    expect(topics).not.toContain('wechat.subscribe.case');
  });

  it('queues subscribe messages only for templates the reporter accepted', async () => {
    const record = await submitCase(t, town);
    await town.ds
      .getRepository(CaseRecord)
      .update(
        { id: record.id },
        { subscribedTemplates: [sender.templateId('accepted'), sender.templateId('resolved')] },
      );
    await workflow.apply(record.id, 'accept', dispatcher);
    await workflow.apply(record.id, 'dispatch', dispatcher, { assignee: { kind: 'mp', id: town.mp.workerA1.id } });
    await workflow.apply(record.id, 'resolve', dispatcher, { result: '现场已处理' });
    const subs = (await outbox(record.id))
      .filter((o) => o.topic === 'wechat.subscribe.case')
      .map((o) => JSON.parse(o.payload).type);
    expect(subs.sort()).toEqual(['accept', 'resolve']);
  });

  it('refuses illegal transitions, the wrong actor, missing reasons and stale versions', async () => {
    const record = await submitCase(t, town);
    await expect(workflow.apply(record.id, 'resolve', reporterA(), { result: '好了' })).rejects.toMatchObject({
      code: 'CASE_ACTION_FORBIDDEN',
    });
    await expect(workflow.apply(record.id, 'start', workerA1())).rejects.toMatchObject({
      code: 'CASE_TRANSITION_INVALID',
    });
    await expect(workflow.apply(record.id, 'reject', dispatcher, {})).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const residentB: CaseActor = { role: 'reporter', kind: 'mp', id: town.mp.residentB.id, name: '李四' };
    await workflow.apply(record.id, 'accept', dispatcher, {}, 1);
    await expect(workflow.apply(record.id, 'reject', dispatcher, { reason: '重复反映' }, 1)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await workflow.apply(record.id, 'dispatch', dispatcher, { assignee: { kind: 'mp', id: town.mp.workerA1.id } });
    await workflow.apply(record.id, 'resolve', dispatcher, { result: '已处理' });
    await expect(workflow.apply(record.id, 'rate', residentB, { rating: 1 })).rejects.toMatchObject({
      code: 'CASE_ACTION_FORBIDDEN',
    });
  });

  it('lets exactly one of two simultaneous decisions win', async () => {
    const record = await submitCase(t, town);
    // Two staff decide on the same screen (same version): the later one must not overwrite the first.
    const results = await Promise.allSettled([
      workflow.apply(record.id, 'accept', dispatcher, {}, record.version),
      workflow.apply(record.id, 'reject', dispatcher, { reason: '不属于本辖区' }, record.version),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const final = await town.ds.getRepository(CaseRecord).findOneByOrFail({ id: record.id });
    expect((await events(record.id)).length).toBe(2);
    expect(['accepted', 'rejected']).toContain(final.status);
  });

  it('reopens a dispute within 7 days of resolution and refuses it after', async () => {
    const record = await caseInProgress(t, town);
    await workflow.apply(record.id, 'resolve', workerA1(), { result: '已处理' });
    const disputed = await workflow.apply(record.id, 'dispute', reporterA(), { reason: '坑还在，没有修好' });
    expect(disputed).toMatchObject({ status: 'disputed', outcome: null });
    await workflow.apply(record.id, 'dispatch', dispatcher, { assignee: { kind: 'mp', id: town.mp.workerA1.id } });
    await workflow.apply(record.id, 'resolve', dispatcher, { result: '重新修补' });
    await workflow.apply(record.id, 'close', systemActor('自动关闭'), { outcome: 'fixed' });
    await town.ds.getRepository(CaseRecord).update({ id: record.id }, { resolvedAt: new Date(Date.now() - 8 * DAY) });
    await expect(workflow.apply(record.id, 'dispute', reporterA(), { reason: '又坏了' })).rejects.toMatchObject({
      code: 'CASE_DISPUTE_WINDOW_CLOSED',
    });
    await workflow.apply(record.id, 'rate', reporterA(), { rating: 4 });
    await expect(workflow.apply(record.id, 'rate', reporterA(), { rating: 5 })).rejects.toMatchObject({
      code: 'CASE_ALREADY_RATED',
    });
  });

  it('keeps staff actions inside their scope: dispatch, transfer and merge targets', async () => {
    const record = await submitCase(t, town);
    const villageA: CaseActor = {
      ...dispatcher,
      id: town.staff.villageA.id,
      principal: { kind: 'staff', id: town.staff.villageA.id, roles: ['village_admin'], scopePath: town.villageA.path },
    };
    await expect(
      workflow.apply(record.id, 'dispatch', villageA, { assignee: { kind: 'mp', id: town.mp.workerB1.id } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      workflow.apply(record.id, 'transfer', villageA, { targetRegionId: town.gridB1.id, reason: '属于和谐村' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const moved = await workflow.apply(record.id, 'transfer', dispatcher, {
      targetRegionId: town.gridB1.id,
      reason: '属于和谐村',
    });
    expect(moved).toMatchObject({
      status: 'transferred',
      regionId: town.gridB1.id,
      scopePath: town.gridB1.path,
      assigneeId: null,
    });
  });

  it('merges a duplicate: its reporter and followers follow the surviving case', async () => {
    const main = await submitCase(t, town);
    const duplicate = await submitCase(t, town, { reporter: town.mp.residentB });
    await workflow.follow(duplicate.id, town.mp.workerB1.id, '赵六');
    const merged = await workflow.apply(duplicate.id, 'merge', dispatcher, { mergeIntoId: main.id });
    expect(merged).toMatchObject({ status: 'merged', mergedIntoId: main.id });
    const followers = (await town.ds.getRepository(CaseFollower).find({ where: { caseId: main.id } }))
      .map((f) => f.userId)
      .sort();
    expect(followers).toEqual([town.mp.residentB.id, town.mp.workerB1.id].sort());
    expect((await town.ds.getRepository(CaseRecord).findOneByOrFail({ id: main.id })).followerCount).toBe(2);
    await expect(workflow.follow(main.id, town.mp.residentA.id, '张三')).rejects.toMatchObject({
      code: 'CASE_ACTION_FORBIDDEN',
    });
  });

  it('files external orders once per reference', async () => {
    const intake = await t.get(CaseIntakeService);
    const input = {
      source: 'hotline' as const,
      reporter: { kind: 'external' as const, id: 'hotline12345', name: '王先生' },
      idempotencyKey: 'GD2026112200001',
      external: { system: 'hotline12345', id: 'GD2026112200001' },
      categoryCode: 'noise',
      description: '夜间施工噪音扰民',
      location: null,
      regionId: town.villageB.id,
      address: '和谐村8号',
      contactPhone: '13900139000',
    };
    const first = await intake.submit(input);
    const second = await intake.submit({ ...input, idempotencyKey: 'other' });
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ created: false, record: { id: first.record.id } });
    expect(first.record).toMatchObject({ regionId: town.villageB.id, reporterKind: 'external', source: 'hotline' });
  });
});
