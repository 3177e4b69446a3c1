import { DataSource } from 'typeorm';
import { z } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { CaseTown, setupCaseTown, submitCase, townDispatcher } from './support/case-fixtures';
import { DomainEvents, defineDomainEvent } from '../src/core/events';
import { OutboxMessage, OutboxService } from '../src/core/outbox';
import { CaseEventAppendedEvent, CaseWorkflowService } from '../src/modules/case';
import type { CaseActor, CaseEventAppended } from '../src/modules/case';
import { DomainEventTopics1764200100000 } from '../src/core/db/migrations/1764200100000-DomainEventTopics';

const backend = currentBackend();

/** An event only this test produces, to see the bus without any module's subscribers. */
const PingedEvent = defineDomainEvent('test.pinged', z.object({ n: z.number().int() }));

describe(`typed domain events on ${backend.name}`, () => {
  let t: TestApp;
  let town: CaseTown;
  let ds: DataSource;
  let events: DomainEvents;
  let outbox: OutboxService;
  let workflow: CaseWorkflowService;
  let dispatcher: CaseActor;
  let clock: number;

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    town = await setupCaseTown(t);
    ds = town.ds;
    events = await t.get(DomainEvents);
    outbox = await t.get(OutboxService);
    workflow = await t.get(CaseWorkflowService);
    dispatcher = await townDispatcher(t, town);
    clock = Date.now() + 1000;
  });
  afterAll(() => t?.close());

  /** One delivery pass at a test clock that only moves forward and never lags behind real time. */
  const pass = (advanceMs: number) => {
    clock = Math.max(clock, Date.now()) + advanceMs;
    return outbox.deliverDue(new Date(clock));
  };
  const rowsOf = (topic: string) =>
    ds.getRepository(OutboxMessage).find({ where: { topic }, order: { dedupeKey: 'ASC' } });

  it('delivers case.event_appended, typed, to a subscriber the case module has never heard of', async () => {
    const received: CaseEventAppended[] = [];
    let caseId = '';
    events.subscribe(CaseEventAppendedEvent, {
      name: 'test.case_audit',
      when: (event) => event.caseId === caseId,
      handle: async (event) => {
        received.push(event);
      },
    });
    // The modules' own subscribers registered themselves at start; the test's joined them.
    expect([...events.subscribers(CaseEventAppendedEvent)].sort()).toEqual([
      'case.realtime.changed',
      'case.realtime.task',
      'gov.city.escalate',
      'gov.hotline.status',
      'test.case_audit',
      'wechat.subscribe.case',
    ]);
    const record = await submitCase(t, town, { reporter: town.mp.residentA });
    caseId = record.id;
    // The filter ran before caseId was known: the intake's event was not for this subscriber.
    expect(await rowsOf('test.case_audit')).toEqual([]);
    await workflow.apply(record.id, 'accept', dispatcher);
    await pass(0);
    expect(received).toEqual([
      {
        caseId: record.id,
        caseNo: record.no,
        seq: 2,
        type: 'accept',
        fromStatus: 'submitted',
        toStatus: 'accepted',
        statusChanged: true,
        level: null,
        reporterKind: 'mp',
        subscribedTemplates: [],
        assignee: record.assigneeId ? { kind: record.assigneeKind, id: record.assigneeId } : null,
        externalSystem: null,
      },
    ]);
    const [row] = await rowsOf('test.case_audit');
    expect(row).toMatchObject({
      dedupeKey: `case:${record.id}:ev:2:test.case_audit`,
      status: 'delivered',
      attempts: 1,
    });
    events.unsubscribe('test.case_audit');
  });

  it('retries a failing subscriber on its own: the other one is delivered once and never again', async () => {
    const steady: number[] = [];
    let flakyCalls = 0;
    events.subscribe(PingedEvent, { name: 'test.steady', handle: async (p) => void steady.push(p.n) });
    events.subscribe(PingedEvent, {
      name: 'test.flaky',
      handle: async () => {
        flakyCalls += 1;
        if (flakyCalls <= 2) throw new Error(`downstream down (${flakyCalls})`);
      },
    });
    await ds.transaction((m) => events.append(m, PingedEvent, { n: 7 }, 'ping:7'));

    await pass(0);
    await pass(1000);
    expect(steady).toEqual([7]);
    expect((await rowsOf('test.flaky'))[0]).toMatchObject({
      status: 'pending',
      attempts: 2,
      lastError: expect.stringContaining('down (2)'),
    });
    expect((await rowsOf('test.steady'))[0]).toMatchObject({ status: 'delivered', attempts: 1 });

    await pass(2000);
    await pass(60_000);
    expect(flakyCalls).toBe(3);
    expect((await rowsOf('test.flaky'))[0]).toMatchObject({ status: 'delivered', attempts: 3 });
    expect(steady).toEqual([7]);
  });

  it('writes an event once per key: a rolled-back attempt leaves nothing, a repeated commit adds nothing', async () => {
    const before = (await rowsOf('test.steady')).length;
    await expect(
      ds.transaction(async (m) => {
        await events.append(m, PingedEvent, { n: 8 }, 'ping:8');
        throw new Error('deadlock, retry');
      }),
    ).rejects.toThrow('deadlock');
    expect(await rowsOf('test.steady')).toHaveLength(before);

    await ds.transaction((m) => events.append(m, PingedEvent, { n: 8 }, 'ping:8'));
    await ds.transaction((m) => events.append(m, PingedEvent, { n: 8 }, 'ping:8'));
    const keys = [...(await rowsOf('test.steady')), ...(await rowsOf('test.flaky'))]
      .map((r) => r.dedupeKey)
      .filter((k) => k.startsWith('ping:8:'));
    expect(keys.sort()).toEqual(['ping:8:test.flaky', 'ping:8:test.steady']);
  });

  it('drops a stored payload that does not fit the event schema, with the reason', async () => {
    await ds.transaction((m) =>
      outbox.enqueue(m, [{ topic: 'test.steady', dedupeKey: 'ping:bad', payload: { n: 'seven' } }]),
    );
    await pass(60_000);
    const [row] = (await rowsOf('test.steady')).filter((r) => r.dedupeKey === 'ping:bad');
    expect(row).toMatchObject({
      status: 'dropped',
      attempts: 1,
      lastError: expect.stringContaining('payload of test.pinged invalid: n:'),
    });
  });

  it('refuses a second subscriber under a taken name', () => {
    expect(() => events.subscribe(PingedEvent, { name: 'test.steady', handle: async () => undefined })).toThrow(
      'registered twice',
    );
  });

  it('maps rows queued under the old topics to the subscribers, so a deploy loses nothing', async () => {
    const record = await submitCase(t, town, { reporter: town.mp.residentB });
    await workflow.apply(record.id, 'accept', dispatcher);
    await pass(60_000);
    const key = `case:${record.id}:ev:2`;
    // As if the old code had queued the accept: its rows instead of the subscribers' rows.
    await ds
      .getRepository(OutboxMessage)
      .createQueryBuilder()
      .delete()
      .where('dedupe_key LIKE :key', { key: `${key}:%` })
      .execute();
    const old = [
      { topic: 'realtime.case', dedupeKey: `${key}:rt`, payload: { caseId: record.id, seq: 2, type: 'accept' } },
      {
        topic: 'wechat.subscribe',
        dedupeKey: `case:${record.id}:sub:accepted:2`,
        payload: { caseId: record.id, template: 'accepted', seq: 2 },
      },
      { topic: 'gov.hotline.status', dedupeKey: `${key}:hotline`, payload: { caseId: record.id, seq: 2 } },
    ];
    await ds.transaction((m) => outbox.enqueue(m, old));
    // The intake's event was queued by the new code already: an old row for it is superseded.
    const twin = {
      topic: 'realtime.case',
      dedupeKey: `case:${record.id}:ev:1:rt`,
      payload: { caseId: record.id, seq: 1, type: 'created' },
    };
    await ds.transaction((m) => outbox.enqueue(m, [twin]));
    const ids = (
      await ds.getRepository(OutboxMessage).find({ where: old.map((o) => ({ dedupeKey: o.dedupeKey })) })
    ).map((r) => r.id);
    const migration = new DomainEventTopics1764200100000();
    const runner = ds.createQueryRunner();
    try {
      await migration.up(runner);
      const migrated = await ds
        .getRepository(OutboxMessage)
        .find({ where: ids.map((id) => ({ id })), order: { topic: 'ASC' } });
      expect(migrated.map((r) => [r.topic, r.dedupeKey])).toEqual([
        ['case.realtime.changed', `${key}:case.realtime.changed`],
        ['gov.hotline.status', `${key}:gov.hotline.status`],
        ['wechat.subscribe.case', `${key}:wechat.subscribe.case`],
      ]);
      const payloads = migrated.map((r) => JSON.parse(r.payload));
      expect(payloads.every((p) => CaseEventAppendedEvent.schema.safeParse(p).success)).toBe(true);
      expect(payloads[0]).toMatchObject({
        caseId: record.id,
        seq: 2,
        type: 'accept',
        fromStatus: 'submitted',
        toStatus: 'accepted',
        statusChanged: true,
      });

      expect(await ds.getRepository(OutboxMessage).findOneByOrFail({ dedupeKey: twin.dedupeKey })).toMatchObject({
        status: 'dropped',
        lastError: `superseded by case:${record.id}:ev:1:case.realtime.changed`,
      });

      // Rolled back: exactly the rows the old code wrote.
      await migration.down(runner);
      const back = await ds.getRepository(OutboxMessage).find({ where: ids.map((id) => ({ id })) });
      const asWritten = (rows: { topic: string; dedupeKey: string; payload: string | object }[]) =>
        rows
          .map((r) => [r.topic, r.dedupeKey, typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload])
          .sort();
      expect(asWritten(back)).toEqual(asWritten(old));

      // Up again, and the case's realtime subscriber takes its migrated row like any other.
      await migration.up(runner);
      await pass(60_000);
      const realtime = await ds
        .getRepository(OutboxMessage)
        .findOneByOrFail({ dedupeKey: `${key}:case.realtime.changed` });
      expect(realtime).toMatchObject({ topic: 'case.realtime.changed', status: 'delivered', attempts: 1 });
    } finally {
      await runner.release();
    }
  });
});
