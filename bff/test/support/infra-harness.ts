import { randomBytes } from 'crypto';
import Redis from 'ioredis';
import { MemoryInfra } from '../../src/core/infra/memory-infra';
import { RedisInfra } from '../../src/core/infra/redis-infra';
import type { Infra } from '../../src/core/infra/types';

/**
 * Harness of the infra tests. Importing it registers an afterAll that flushes and closes every
 * instance opened through `open()`. The Infra contract is run against the implementation the current Jest project uses: MemoryInfra on
 * `bff`, RedisInfra on `bff:mysql+redis` (under a key prefix of its own, flushed afterwards).
 */
export const redisUrl = process.env.ZHILI_TEST_BACKEND === 'mysql' ? process.env.TEST_REDIS_URL : undefined;
if (process.env.ZHILI_TEST_BACKEND === 'mysql' && !redisUrl)
  throw new Error('The mysql+redis project needs TEST_REDIS_URL');
export const kind: Infra['kind'] = redisUrl ? 'redis' : 'memory';
export const keyPrefix = `zhili:test:infra:${process.pid}_${randomBytes(4).toString('hex')}:`;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves once `predicate` holds, or fails after `timeoutMs` (pub/sub delivery is asynchronous). */
export async function eventually(predicate: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs}ms`);
    await sleep(5);
  }
}

let unique = 0;
/** A key (or channel) no other test uses, so tests never see each other's state. */
export const fresh = (label: string) => `${label}:${++unique}`;

/**
 * Every ioredis connection this file opens (RedisInfra connects lazily, through connect()), so that
 * none can outlive the tests and keep Jest from exiting, even one an implementation bug leaked.
 */
const connectSpy = jest.spyOn(Redis.prototype, 'connect');

const opened: Infra[] = [];
export async function open(prefix = keyPrefix): Promise<Infra> {
  const infra = redisUrl ? await RedisInfra.connect({ url: redisUrl, keyPrefix: prefix }) : new MemoryInfra();
  opened.push(infra);
  return infra;
}

afterAll(async () => {
  for (const infra of opened) {
    if (infra instanceof RedisInfra) await infra.flushPrefix();
    await infra.close();
  }
  for (const connection of connectSpy.mock.contexts) {
    if (connection.status !== 'end') connection.disconnect();
  }
  connectSpy.mockRestore();
});
