import { TypeORMDataSourceManager } from '@midwayjs/typeorm';
import type { DataSource } from 'typeorm';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { InfraService } from '../src/core/infra/infra.service';
import { JobRunner, JobScheduler } from '../src/core/jobs';
import { OutboxMessage, OutboxService } from '../src/core/outbox';

const backend = currentBackend();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Collects log lines instead of printing them. */
function memoryLogger() {
  const errors: string[] = [];
  return {
    errors,
    info: () => undefined,
    error: (message: string, ...args: unknown[]) => errors.push([message, ...args].join(' ')),
  };
}

/** Polls until `check` is true or fails after `timeoutMs`. */
async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(20);
  }
}

describe(`background jobs on ${backend.name}`, () => {
  describe('with JOBS_ENABLED=false', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('starts no job, but a job can still be run by hand', async () => {
      const runner = await t.get(JobRunner);
      let runs = 0;
      runner.register({ name: 'test.counter', intervalMs: 20, run: async () => void (runs += 1) });
      runner.start();
      await sleep(150);
      expect(runs).toBe(0);
      expect(await runner.runOnce('test.counter')).toBe(true);
      expect(runs).toBe(1);
    });

    it('runs an exclusive job on one node at a time (shared lock of this backend)', async () => {
      const lock = (await t.get(InfraService)).infra.lock;
      const logger = memoryLogger();
      const nodes = [new JobScheduler(lock, logger, 'test-job:'), new JobScheduler(lock, logger, 'test-job:')];
      let active = 0;
      let maxActive = 0;
      let runs = 0;
      for (const node of nodes) {
        node.register({
          name: 'sla',
          intervalMs: 10,
          exclusive: true,
          run: async () => {
            active += 1;
            maxActive = Math.max(maxActive, active);
            await sleep(40);
            active -= 1;
            runs += 1;
          },
        });
      }
      // Both nodes tick at the same moment: exactly one runs.
      expect((await Promise.all(nodes.map((n) => n.runOnce('sla')))).sort()).toEqual([false, true]);
      nodes.forEach((n) => n.start());
      await sleep(400);
      await Promise.all(nodes.map((n) => n.stop()));
      expect(maxActive).toBe(1);
      expect(runs).toBeGreaterThan(2);
      expect(logger.errors).toEqual([]);
    });
  });

  describe('scheduler lifecycle', () => {
    it('keeps running after a failing tick and logs the error', async () => {
      const { MemoryInfra } = await import('../src/core/infra/memory-infra');
      const infra = new MemoryInfra();
      const logger = memoryLogger();
      const scheduler = new JobScheduler(infra.lock, logger);
      let runs = 0;
      scheduler.register({
        name: 'flaky',
        intervalMs: 10,
        run: async () => {
          runs += 1;
          if (runs === 1) throw new Error('boom');
        },
      });
      scheduler.start();
      await eventually(() => runs >= 3);
      await scheduler.stop();
      expect(logger.errors).toHaveLength(1);
      expect(logger.errors[0]).toContain('boom');
      await infra.close();
    });

    it('stop() waits for the running tick and nothing runs afterwards', async () => {
      const { MemoryInfra } = await import('../src/core/infra/memory-infra');
      const infra = new MemoryInfra();
      const scheduler = new JobScheduler(infra.lock, memoryLogger());
      let started = 0;
      let finished = 0;
      let stopped = 0;
      scheduler.register({
        name: 'slow',
        intervalMs: 5,
        run: async () => {
          started += 1;
          await sleep(80);
          finished += 1;
        },
        onStop: () => void (stopped += 1),
      });
      scheduler.start();
      await eventually(() => started === 1);
      await scheduler.stop();
      expect(finished).toBe(1);
      expect(stopped).toBe(1);
      await sleep(60);
      expect(started).toBe(1);
      await infra.close();
    });
  });

  describe('with JOBS_ENABLED=true', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(backend, { JOBS_ENABLED: 'true', OUTBOX_POLL_MS: '100' });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('delivers an enqueued message in the background after kick()', async () => {
      const outbox = await t.get(OutboxService);
      const dataSource: DataSource = (await t.get(TypeORMDataSourceManager)).getDataSource('default');
      const delivered: string[] = [];
      outbox.register('test.background', async (payload) => void delivered.push(String(payload.n)));
      await dataSource.transaction((m) =>
        outbox.enqueue(m, [{ topic: 'test.background', dedupeKey: 'bg:1', payload: { n: 1 } }]),
      );
      outbox.kick();
      await eventually(() => delivered.length === 1);
      await eventually(async () => {
        const row = await dataSource.getRepository(OutboxMessage).findOneByOrFail({ dedupeKey: 'bg:1' });
        return row.status === 'delivered';
      });
      await sleep(300); // several polls later: still exactly once
      expect(delivered).toEqual(['1']);
    });
  });
});
