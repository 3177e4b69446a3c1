import { TypeORMDataSourceManager } from '@midwayjs/typeorm';
import type { DataSource } from 'typeorm';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { OutboxMessage, OutboxService, PermanentDeliveryError, outboxBackoffMs } from '../src/core/outbox';

const backend = currentBackend();

/** Whole seconds: MariaDB `datetime` keeps no fractions, so explicit test clocks stay exact. */
function wholeSecondsFromNow(seconds: number): Date {
  return new Date(Math.ceil(Date.now() / 1000) * 1000 + seconds * 1000);
}
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

describe(`outbox on ${backend.name}`, () => {
  let t: TestApp;
  let outbox: OutboxService;
  let dataSource: DataSource;

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    outbox = await t.get(OutboxService);
    dataSource = (await t.get(TypeORMDataSourceManager)).getDataSource('default');
  });
  afterAll(async () => {
    await t?.close();
  });

  const rows = (topic: string) =>
    dataSource.getRepository(OutboxMessage).find({ where: { topic }, order: { dedupeKey: 'ASC' } });

  it('computes the backoff 1 s × 2^(n-1), capped at 10 minutes', () => {
    expect([1, 2, 3, 4].map(outboxBackoffMs)).toEqual([1000, 2000, 4000, 8000]);
    expect(outboxBackoffMs(11)).toBe(600_000);
  });

  it('writes nothing when the caller’s transaction rolls back', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await outbox.enqueue(manager, [{ topic: 'test.rollback', dedupeKey: 'rb:1', payload: { id: 1 } }]);
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await rows('test.rollback')).toHaveLength(0);
  });

  it('ignores a duplicate dedupe key without breaking the transaction', async () => {
    await dataSource.transaction(async (manager) => {
      await outbox.enqueue(manager, [{ topic: 'test.dup', dedupeKey: 'dup:1', payload: { v: 'first' } }]);
      await outbox.enqueue(manager, [
        { topic: 'test.dup', dedupeKey: 'dup:1', payload: { v: 'second' } },
        { topic: 'test.dup', dedupeKey: 'dup:2', payload: { v: 'other' } },
      ]);
    });
    // A second transaction repeating a committed key is fine too.
    await dataSource.transaction((manager) =>
      outbox.enqueue(manager, [{ topic: 'test.dup', dedupeKey: 'dup:1', payload: { v: 'third' } }]),
    );
    const stored = await rows('test.dup');
    expect(stored.map((r) => [r.dedupeKey, JSON.parse(r.payload).v, r.status])).toEqual([
      ['dup:1', 'first', 'pending'],
      ['dup:2', 'other', 'pending'],
    ]);
  });

  it('retries a failing handler with backoff and delivers it once', async () => {
    const t0 = wholeSecondsFromNow(2);
    const calls: Date[] = [];
    outbox.register('test.flaky', async (payload) => {
      expect(payload).toEqual({ caseId: 'c1' });
      calls.push(new Date());
      if (calls.length <= 2) throw new Error(`WeChat down (${calls.length})`);
    });
    await dataSource.transaction((m) =>
      outbox.enqueue(m, [{ topic: 'test.flaky', dedupeKey: 'flaky:1', payload: { caseId: 'c1' } }]),
    );

    await outbox.deliverDue(t0); // attempt 1 fails → next at t0 + 1 s
    let [row] = await rows('test.flaky');
    expect(row).toMatchObject({
      status: 'pending',
      attempts: 1,
      lockedBy: null,
      lastError: expect.stringContaining('WeChat down (1)'),
    });
    expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + 1000);

    expect(await outbox.deliverDue(plus(t0, 999))).toBe(0); // not yet due
    expect(calls).toHaveLength(1);

    await outbox.deliverDue(plus(t0, 1000)); // attempt 2 fails → next at t0 + 1 s + 2 s
    [row] = await rows('test.flaky');
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + 3000);
    expect(await outbox.deliverDue(plus(t0, 2999))).toBe(0);
    expect(calls).toHaveLength(2);

    expect(await outbox.deliverDue(plus(t0, 3000))).toBe(1);
    [row] = await rows('test.flaky');
    expect(row).toMatchObject({ status: 'delivered', attempts: 3, lastError: null, lockedUntil: null });
    expect(row.deliveredAt?.getTime()).toBe(t0.getTime() + 3000);
    expect(await outbox.deliverDue(plus(t0, 60_000))).toBe(0);
    expect(calls).toHaveLength(3);
  });

  it('gives up after 12 attempts with status failed', async () => {
    let now = wholeSecondsFromNow(2);
    outbox.register('test.broken', async () => {
      throw new Error('always broken');
    });
    await dataSource.transaction((m) =>
      outbox.enqueue(m, [{ topic: 'test.broken', dedupeKey: 'broken:1', payload: {} }]),
    );
    for (let i = 0; i < 14; i += 1) {
      await outbox.deliverDue(now);
      now = plus(now, 10 * 60 * 1000);
    }
    const [row] = await rows('test.broken');
    expect(row).toMatchObject({ status: 'failed', attempts: 12, lastError: expect.stringContaining('always broken') });
  });

  it('drops a message whose handler throws PermanentDeliveryError and never retries it', async () => {
    const now = wholeSecondsFromNow(2);
    let calls = 0;
    outbox.register('test.permanent', async () => {
      calls += 1;
      throw new PermanentDeliveryError('43101 user refuse to accept the msg');
    });
    await dataSource.transaction((m) =>
      outbox.enqueue(m, [{ topic: 'test.permanent', dedupeKey: 'perm:1', payload: {} }]),
    );
    expect(await outbox.deliverDue(now)).toBe(0);
    expect(await outbox.deliverDue(plus(now, 3_600_000))).toBe(0);
    expect(calls).toBe(1);
    const [row] = await rows('test.permanent');
    expect(row).toMatchObject({ status: 'dropped', attempts: 1, lastError: expect.stringContaining('43101') });
  });

  it('keeps a message of a topic without handler pending until the handler registers', async () => {
    const now = wholeSecondsFromNow(2);
    await dataSource.transaction((m) =>
      outbox.enqueue(m, [{ topic: 'test.later', dedupeKey: 'later:1', payload: {} }]),
    );
    await outbox.deliverDue(now);
    let [row] = await rows('test.later');
    expect(row).toMatchObject({ status: 'pending', attempts: 0, lastError: expect.stringContaining('no handler') });
    outbox.register('test.later', async () => undefined);
    expect(await outbox.deliverDue(plus(now, 60_000))).toBeGreaterThanOrEqual(1);
    [row] = await rows('test.later');
    expect(row.status).toBe('delivered');
  });

  it('delivers each message once when two passes run concurrently', async () => {
    const now = wholeSecondsFromNow(2);
    const deliveries = new Map<string, number>();
    outbox.register('test.race', async (_payload, message) => {
      // Yield so the two passes interleave.
      await new Promise((resolve) => setTimeout(resolve, 5));
      deliveries.set(message.dedupeKey, (deliveries.get(message.dedupeKey) ?? 0) + 1);
    });
    const keys = Array.from({ length: 20 }, (_, i) => `race:${String(i).padStart(2, '0')}`);
    await dataSource.transaction((m) =>
      outbox.enqueue(
        m,
        keys.map((dedupeKey) => ({ topic: 'test.race', dedupeKey, payload: {} })),
      ),
    );
    await Promise.all([outbox.deliverDue(now), outbox.deliverDue(now)]);
    expect([...deliveries.keys()].sort()).toEqual(keys);
    expect([...deliveries.values()].every((n) => n === 1)).toBe(true);
    expect((await rows('test.race')).every((r) => r.status === 'delivered' && r.attempts === 1)).toBe(true);
  });

  it('honours delayMs', async () => {
    outbox.register('test.delay', async () => undefined);
    await dataSource.transaction((m) =>
      outbox.enqueue(m, [{ topic: 'test.delay', dedupeKey: 'delay:1', payload: {}, delayMs: 3_600_000 }]),
    );
    await outbox.deliverDue(new Date(Date.now() + 60_000));
    expect((await rows('test.delay'))[0].status).toBe('pending');
    await outbox.deliverDue(new Date(Date.now() + 3_700_000));
    expect((await rows('test.delay'))[0].status).toBe('delivered');
  });

  it('does not deliver on kick() while background jobs are off', async () => {
    let calls = 0;
    outbox.register('test.kick', async () => {
      calls += 1;
    });
    await dataSource.transaction((m) => outbox.enqueue(m, [{ topic: 'test.kick', dedupeKey: 'kick:1', payload: {} }]));
    outbox.kick();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toBe(0);
  });
});
