import Redis from 'ioredis';
import { RedisInfra } from '../src/core/infra/redis-infra';
import type { Infra } from '../src/core/infra/types';
import { eventually, fresh, keyPrefix, open, redisUrl, sleep } from './support/infra-harness';

// jest.config.js runs this file in the bff:mysql+redis project only.
if (!redisUrl) throw new Error('infra.redis-shared needs TEST_REDIS_URL (bff:mysql+redis project)');
const url: string = redisUrl;

/** What makes several BFF processes agree: instances sharing one Redis and prefix share state. */
describe('RedisInfra across instances (several BFF processes)', () => {
  let a: Infra;
  let b: Infra;
  let stranger: Infra;
  beforeAll(async () => {
    a = await open();
    b = await open();
    stranger = await open(`${keyPrefix}other:`);
  });

  it('shares the cache between instances with the same prefix, not with another prefix', async () => {
    const key = fresh('shared');
    await a.cache.set(key, 'from-a', 30);
    expect(await b.cache.get(key)).toBe('from-a');
    expect(await b.cache.setIfAbsent(key, 'from-b', 30)).toBe(false);
    await b.cache.del(key);
    expect(await a.cache.get(key)).toBeNull();
    await a.cache.set(key, 'from-a', 30);
    expect(await stranger.cache.get(key)).toBeNull();
  });

  it('sees the other instance’s lock, and only the owner can release it', async () => {
    const key = fresh('shared-lock');
    const held = await a.lock.tryAcquire(key, 5000);
    expect(held).not.toBeNull();
    expect(await b.lock.tryAcquire(key, 5000)).toBeNull();
    await held?.release();
    const taken = await b.lock.tryAcquire(key, 5000);
    expect(taken).not.toBeNull();
    expect(await a.lock.tryAcquire(key, 5000)).toBeNull();
    await taken?.release();
  });

  it('serialises withLock sections running on different instances', async () => {
    const key = fresh('shared-withLock');
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const section = (infra: Infra) =>
      infra.lock.withLock(key, 5000, 5000, async () => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        await sleep(15);
        runs += 1;
        active -= 1;
      });
    await Promise.all([section(a), section(b), section(a), section(b)]);
    expect(runs).toBe(4);
    expect(maxActive).toBe(1);
  });

  it('counts one rate budget across instances, within its prefix', async () => {
    const budget = { name: fresh('shared-rate'), limit: 2, windowSec: 10 };
    const key = fresh('client');
    await a.rateLimiter(budget).consume(key);
    await b.rateLimiter(budget).consume(key);
    expect(await a.rateLimiter(budget).consume(key)).toMatchObject({ count: 3, limited: true });
    expect(await stranger.rateLimiter(budget).consume(key)).toMatchObject({ count: 1, limited: false });
  });

  it('opens one subscriber connection when the first subscriptions race, and close() unsubscribes everything', async () => {
    const racy = await RedisInfra.connect({ url: url, keyPrefix });
    const [first, second] = [fresh('race'), fresh('race')];
    await Promise.all([racy.pubsub.subscribe(first, () => undefined), racy.pubsub.subscribe(second, () => undefined)]);
    await racy.close();
    const observer = new Redis(url);
    try {
      // Subscribers left on the channels after close(): a leaked connection would still be one.
      const numsub = (await observer.pubsub('NUMSUB', keyPrefix + first, keyPrefix + second)) as (string | number)[];
      expect(numsub).toEqual([keyPrefix + first, 0, keyPrefix + second, 0]);
    } finally {
      observer.disconnect();
    }
  });

  it('delivers a message published on one instance to subscribers on the other, within its prefix', async () => {
    const channel = fresh('shared-chan');
    const onA: string[] = [];
    const onB: string[] = [];
    const onStranger: string[] = [];
    const unsubs = [
      await a.pubsub.subscribe(channel, (m) => onA.push(m)),
      await b.pubsub.subscribe(channel, (m) => onB.push(m)),
      await stranger.pubsub.subscribe(channel, (m) => onStranger.push(m)),
    ];
    await a.pubsub.publish(channel, 'from-a');
    await b.pubsub.publish(channel, 'from-b');
    await eventually(() => onA.length === 2 && onB.length === 2);
    expect(onA.sort()).toEqual(['from-a', 'from-b']);
    expect(onB.sort()).toEqual(['from-a', 'from-b']);
    // The stranger's own message arrives after any leaked ones would have.
    await stranger.pubsub.publish(channel, 'own');
    await eventually(() => onStranger.length >= 1);
    expect(onStranger).toEqual(['own']);
    for (const unsubscribe of unsubs) await unsubscribe();
  });
});
