import { LockTimeoutError } from '../src/core/infra/types';
import type { Infra } from '../src/core/infra/types';
import { eventually, fresh, kind, open, sleep } from './support/infra-harness';

describe(`Infra contract on ${kind}`, () => {
  let infra: Infra;
  beforeAll(async () => {
    infra = await open();
  });

  it(`reports its kind as ${kind} and answers ping`, async () => {
    expect(infra.kind).toBe(kind);
    await expect(infra.ping(1000)).resolves.toBeUndefined();
  });

  describe('cache', () => {
    it('returns null for a missing key and the stored value after set', async () => {
      const key = fresh('cache');
      expect(await infra.cache.get(key)).toBeNull();
      await infra.cache.set(key, 'v1');
      expect(await infra.cache.get(key)).toBe('v1');
      await infra.cache.set(key, 'v2');
      expect(await infra.cache.get(key)).toBe('v2');
    });

    it('reports ttl -2 for a missing key, -1 without expiry and the remaining seconds with one', async () => {
      const missing = fresh('ttl');
      const forever = fresh('ttl');
      const timed = fresh('ttl');
      await infra.cache.set(forever, 'x');
      await infra.cache.set(timed, 'x', 60);
      expect(await infra.cache.ttl(missing)).toBe(-2);
      expect(await infra.cache.ttl(forever)).toBe(-1);
      const remaining = await infra.cache.ttl(timed);
      expect(remaining).toBeGreaterThanOrEqual(59);
      expect(remaining).toBeLessThanOrEqual(60);
    });

    it('forgets a value once its ttl has passed, and setIfAbsent succeeds again then', async () => {
      const plain = fresh('expiry');
      const nx = fresh('expiry');
      await infra.cache.set(plain, 'short-lived', 1);
      expect(await infra.cache.setIfAbsent(nx, 'first', 1)).toBe(true);
      expect(await infra.cache.get(plain)).toBe('short-lived');
      expect(await infra.cache.ttl(plain)).toBe(1);
      await sleep(1100);
      expect(await infra.cache.get(plain)).toBeNull();
      expect(await infra.cache.ttl(plain)).toBe(-2);
      expect(await infra.cache.setIfAbsent(nx, 'second', 1)).toBe(true);
      expect(await infra.cache.get(nx)).toBe('second');
    });

    it('setIfAbsent sets only the first time, keeps the first value and applies the ttl', async () => {
      const key = fresh('nx');
      expect(await infra.cache.setIfAbsent(key, 'first', 30)).toBe(true);
      expect(await infra.cache.setIfAbsent(key, 'second', 30)).toBe(false);
      expect(await infra.cache.get(key)).toBe('first');
      expect(await infra.cache.ttl(key)).toBeGreaterThan(0);
    });

    it('setIfAbsent refuses a key that was set with plain set', async () => {
      const key = fresh('nx');
      await infra.cache.set(key, 'plain');
      expect(await infra.cache.setIfAbsent(key, 'other', 30)).toBe(false);
      expect(await infra.cache.get(key)).toBe('plain');
    });

    it('del removes a key (and is harmless on a missing one)', async () => {
      const key = fresh('del');
      await infra.cache.set(key, 'x', 30);
      await infra.cache.del(key);
      expect(await infra.cache.get(key)).toBeNull();
      expect(await infra.cache.ttl(key)).toBe(-2);
      await expect(infra.cache.del(fresh('del'))).resolves.toBeUndefined();
      expect(await infra.cache.setIfAbsent(key, 'again', 30)).toBe(true);
    });

    it('set without a ttl clears a previous expiry', async () => {
      const key = fresh('persist');
      await infra.cache.set(key, 'a', 30);
      await infra.cache.set(key, 'b');
      expect(await infra.cache.ttl(key)).toBe(-1);
    });
  });

  describe('lock', () => {
    it('is exclusive: a second tryAcquire gets null while held, and succeeds after release', async () => {
      const key = fresh('lock');
      const first = await infra.lock.tryAcquire(key, 5000);
      expect(first).not.toBeNull();
      expect(first?.key).toBe(key);
      expect(await infra.lock.tryAcquire(key, 5000)).toBeNull();
      expect(await first?.release()).toBe(true);
      const second = await infra.lock.tryAcquire(key, 5000);
      expect(second).not.toBeNull();
      await second?.release();
    });

    it('locks different keys independently', async () => {
      const a = await infra.lock.tryAcquire(fresh('lock'), 5000);
      const b = await infra.lock.tryAcquire(fresh('lock'), 5000);
      expect(a).not.toBeNull();
      expect(b).not.toBeNull();
      await a?.release();
      await b?.release();
    });

    it('releasing twice reports false the second time', async () => {
      const handle = await infra.lock.tryAcquire(fresh('lock'), 5000);
      expect(await handle?.release()).toBe(true);
      expect(await handle?.release()).toBe(false);
    });

    it('expires after its ttl, and the former owner can no longer release the new holder’s lock', async () => {
      const key = fresh('lock');
      const stale = await infra.lock.tryAcquire(key, 100);
      expect(stale).not.toBeNull();
      await sleep(200);
      const current = await infra.lock.tryAcquire(key, 5000);
      expect(current).not.toBeNull();
      expect(await stale?.release()).toBe(false);
      // The new holder still owns it.
      expect(await infra.lock.tryAcquire(key, 5000)).toBeNull();
      expect(await current?.release()).toBe(true);
    });

    it('withLock serialises concurrent critical sections (max concurrency 1) and runs them all', async () => {
      const key = fresh('withLock');
      let active = 0;
      let maxActive = 0;
      const ran: number[] = [];
      const section = (i: number) =>
        infra.lock.withLock(key, 5000, 5000, async () => {
          active += 1;
          maxActive = Math.max(maxActive, active);
          await sleep(15);
          ran.push(i);
          active -= 1;
          return i * 10;
        });
      const results = await Promise.all([0, 1, 2, 3, 4].map(section));
      expect(results).toEqual([0, 10, 20, 30, 40]);
      expect(maxActive).toBe(1);
      expect([...ran].sort()).toEqual([0, 1, 2, 3, 4]);
      // Released at the end.
      const after = await infra.lock.tryAcquire(key, 1000);
      expect(after).not.toBeNull();
      await after?.release();
    });

    it('withLock throws LockTimeoutError when the lock stays taken for waitMs, without running fn', async () => {
      const key = fresh('withLock');
      const holder = await infra.lock.tryAcquire(key, 5000);
      let ran = false;
      const started = Date.now();
      const attempt = infra.lock.withLock(key, 5000, 150, async () => {
        ran = true;
      });
      await expect(attempt).rejects.toBeInstanceOf(LockTimeoutError);
      await expect(attempt).rejects.toThrow(key);
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
      expect(ran).toBe(false);
      await holder?.release();
    });

    it('withLock releases the lock when fn throws, and passes the error on', async () => {
      const key = fresh('withLock');
      await expect(
        infra.lock.withLock(key, 5000, 1000, async () => {
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      const next = await infra.lock.tryAcquire(key, 1000);
      expect(next).not.toBeNull();
      await next?.release();
    });

    it('withLock gets the lock once the holder releases it within waitMs', async () => {
      const key = fresh('withLock');
      const holder = await infra.lock.tryAcquire(key, 5000);
      setTimeout(() => void holder?.release(), 50);
      await expect(infra.lock.withLock(key, 5000, 2000, async () => 'got it')).resolves.toBe('got it');
    });
  });

  describe('rate limiter', () => {
    const budget = (limit: number, windowSec: number) => ({ name: fresh('budget'), limit, windowSec });

    it('counts actions within a window, reports when it resets, and limits the one over the budget', async () => {
      const limiter = infra.rateLimiter(budget(2, 10));
      const key = fresh('rate');
      expect(await limiter.consume(key)).toEqual({ count: 1, resetInSec: 10, limited: false });
      expect(await limiter.consume(key)).toMatchObject({ count: 2, limited: false });
      const third = await limiter.consume(key);
      expect(third).toMatchObject({ count: 3, limited: true });
      expect(third.resetInSec).toBeGreaterThanOrEqual(9);
      expect(third.resetInSec).toBeLessThanOrEqual(10);
      // Still counting over the budget: a client that keeps trying stays limited.
      expect(await limiter.consume(key)).toMatchObject({ count: 4, limited: true });
    });

    it('keeps separate counts per key and per budget name', async () => {
      const first = infra.rateLimiter(budget(5, 10));
      const second = infra.rateLimiter(budget(5, 10));
      const [a, b] = [fresh('rate'), fresh('rate')];
      await first.consume(a);
      await first.consume(a);
      expect((await first.consume(b)).count).toBe(1);
      expect((await second.consume(a)).count).toBe(1);
      expect((await first.consume(a)).count).toBe(3);
    });

    it('hands out one limiter per budget name, and refuses one name with two limits', () => {
      const shared = budget(3, 10);
      expect(infra.rateLimiter({ ...shared })).toBe(infra.rateLimiter(shared));
      expect(() => infra.rateLimiter({ ...shared, limit: 4 })).toThrow(/two different limits/);
    });

    it('starts a new window after the old one ends', async () => {
      const limiter = infra.rateLimiter(budget(1, 1));
      const key = fresh('rate');
      await limiter.consume(key);
      expect(await limiter.consume(key)).toMatchObject({ count: 2, limited: true });
      await sleep(1100);
      expect(await limiter.consume(key)).toEqual({ count: 1, resetInSec: 1, limited: false });
    });

    it('counts penalties without refusing, and delete starts counting from 1 again', async () => {
      const limiter = infra.rateLimiter(budget(1, 10));
      const key = fresh('rate');
      await limiter.penalty(key);
      expect(await limiter.penalty(key)).toMatchObject({ count: 2, limited: true });
      await limiter.delete(key);
      expect(await limiter.consume(key)).toMatchObject({ count: 1, limited: false });
    });
  });

  describe('pub/sub', () => {
    it('delivers a message to every subscriber of the channel, and not to other channels', async () => {
      const channel = fresh('chan');
      const other = fresh('chan');
      const first: string[] = [];
      const second: string[] = [];
      const elsewhere: string[] = [];
      const unsubs = [
        await infra.pubsub.subscribe(channel, (m) => first.push(m)),
        await infra.pubsub.subscribe(channel, (m) => second.push(m)),
        await infra.pubsub.subscribe(other, (m) => elsewhere.push(m)),
      ];
      await infra.pubsub.publish(other, 'for-other');
      await infra.pubsub.publish(channel, 'hello');
      await infra.pubsub.publish(channel, 'world');
      await eventually(() => first.length === 2 && second.length === 2 && elsewhere.length === 1);
      expect(first).toEqual(['hello', 'world']);
      expect(second).toEqual(['hello', 'world']);
      expect(elsewhere).toEqual(['for-other']);
      for (const unsubscribe of unsubs) await unsubscribe();
    });

    it('stops delivering to a handler after it unsubscribes, while others keep receiving', async () => {
      const channel = fresh('chan');
      const leaving: string[] = [];
      const staying: string[] = [];
      const leave = await infra.pubsub.subscribe(channel, (m) => leaving.push(m));
      const stay = await infra.pubsub.subscribe(channel, (m) => staying.push(m));
      await infra.pubsub.publish(channel, 'before');
      await eventually(() => leaving.length === 1 && staying.length === 1);
      await leave();
      await infra.pubsub.publish(channel, 'after');
      await eventually(() => staying.length === 2);
      expect(staying).toEqual(['before', 'after']);
      expect(leaving).toEqual(['before']);
      await stay();
    });

    it('delivers nothing on a channel whose last subscriber left, and allows subscribing again', async () => {
      const channel = fresh('chan');
      const probe = fresh('chan');
      const gone: string[] = [];
      const probed: string[] = [];
      const unsubscribe = await infra.pubsub.subscribe(channel, (m) => gone.push(m));
      const unprobe = await infra.pubsub.subscribe(probe, (m) => probed.push(m));
      await unsubscribe();
      await infra.pubsub.publish(channel, 'nobody-listens');
      // Published after, so once the probe has it the first message had its chance to arrive.
      await infra.pubsub.publish(probe, 'probe');
      await eventually(() => probed.length === 1);
      expect(gone).toEqual([]);

      const back: string[] = [];
      const unback = await infra.pubsub.subscribe(channel, (m) => back.push(m));
      await infra.pubsub.publish(channel, 'welcome-back');
      await eventually(() => back.length === 1);
      expect(back).toEqual(['welcome-back']);
      expect(gone).toEqual([]);
      await unback();
      await unprobe();
    });
  });
});
