import Redis, { RedisOptions } from 'ioredis';
import { randomUUID } from 'crypto';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import type { Cache, DistributedLock, Infra, LockHandle, PubSub, Unsubscribe } from './types';
import { RateBudget, RateLimiter, RateLimiterRegistry } from './rate-limiter';
import { withLockPolling } from './with-lock';
import { DependencyUnavailableError } from '../errors/dependency-errors';

/** Deletes the lock only if it still holds our token (compare-and-delete must be atomic). */
const RELEASE_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** Redis replies that mean "not now" (starting, failing over) rather than "wrong command". */
const TRANSIENT_REPLY = /^(LOADING|BUSY|MASTERDOWN|TRYAGAIN|READONLY|CLUSTERDOWN)\b/;

/**
 * Runs one Redis command. With the offline queue off, ioredis fails at once while disconnected
 * ("Stream isn't writeable…", "Connection is closed.", MaxRetriesPerRequestError): those, and
 * transient replies, become DependencyUnavailableError so callers answer 503, not 500. Other
 * replies (a wrong command) stay as they are: that is our bug.
 */
async function command<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const outage = err instanceof Error && (err.name !== 'ReplyError' || TRANSIENT_REPLY.test(err.message));
    throw outage ? new DependencyUnavailableError('cache', err) : err;
  }
}

export interface RedisInfraOptions {
  url: string;
  /** Prefix for every key and channel, so several deployments or test runs can share one Redis. */
  keyPrefix?: string;
}

function connect(url: string, overrides: RedisOptions = {}): Redis {
  return new Redis(url, {
    lazyConnect: true,
    // Fail fast instead of queueing commands forever while Redis is down: callers (health check,
    // rate limiter) must see the outage.
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 3000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    ...overrides,
  });
}

export class RedisInfra implements Infra {
  readonly kind = 'redis' as const;
  readonly cache: Cache;
  readonly lock: DistributedLock;
  readonly pubsub: PubSub;
  private readonly client: Redis;
  private readonly limiters: RateLimiterRegistry;
  /** The connect promise, not the connection: concurrent first subscribers must share one. */
  private subscriber?: Promise<Redis>;
  private readonly handlers = new Map<string, Set<(message: string) => void>>();
  private readonly prefix: string;

  private constructor(private readonly options: RedisInfraOptions) {
    this.prefix = options.keyPrefix ?? 'zhili:';
    this.client = connect(options.url);
    this.client.on('error', () => {
      // Reported through ping()/command failures; ioredis reconnects on its own.
    });
    const client = this.client;
    const k = (key: string) => this.prefix + key;

    this.cache = {
      async get(key) {
        return command(() => client.get(k(key)));
      },
      async set(key, value, ttlSec) {
        await command(() =>
          ttlSec === undefined ? client.set(k(key), value) : client.set(k(key), value, 'EX', ttlSec),
        );
      },
      async setIfAbsent(key, value, ttlSec) {
        return (await command(() => client.set(k(key), value, 'EX', ttlSec, 'NX'))) === 'OK';
      },
      async del(key) {
        await command(() => client.del(k(key)));
      },
      async ttl(key) {
        return command(() => client.ttl(k(key)));
      },
    };

    const lock: DistributedLock = {
      async tryAcquire(key, ttlMs): Promise<LockHandle | null> {
        const lockKey = k(`lock:${key}`);
        const token = randomUUID();
        const ok = await command(() => client.set(lockKey, token, 'PX', ttlMs, 'NX'));
        if (ok !== 'OK') return null;
        return {
          key,
          async release() {
            return (await command(() => client.eval(RELEASE_SCRIPT, 1, lockKey, token))) === 1;
          },
        };
      },
      withLock: (key, ttlMs, waitMs, fn) => withLockPolling(lock, key, ttlMs, waitMs, fn),
    };
    this.lock = lock;

    this.limiters = new RateLimiterRegistry((budget) => {
      const limiter = new RateLimiterRedis({
        storeClient: client,
        keyPrefix: k(`rate:${budget.name}`),
        points: budget.limit,
        duration: budget.windowSec,
        // Answer at once while disconnected (command() turns it into a 503), never queue.
        rejectIfRedisNotReady: true,
      });
      return new RateLimiter(budget, limiter, command);
    });

    this.pubsub = {
      publish: async (channel, message) => {
        await command(() => client.publish(k(channel), message));
      },
      subscribe: async (channel, handler): Promise<Unsubscribe> => {
        const sub = await this.ensureSubscriber();
        const fullChannel = k(channel);
        let set = this.handlers.get(fullChannel);
        if (!set) {
          set = new Set();
          this.handlers.set(fullChannel, set);
          await sub.subscribe(fullChannel);
        }
        set.add(handler);
        return async () => {
          const current = this.handlers.get(fullChannel);
          current?.delete(handler);
          if (current && current.size === 0) {
            this.handlers.delete(fullChannel);
            await sub.unsubscribe(fullChannel);
          }
        };
      },
    };
  }

  rateLimiter(budget: RateBudget): RateLimiter {
    return this.limiters.get(budget);
  }

  /** The prefix of every key and channel of this instance. */
  get keyPrefix(): string {
    return this.prefix;
  }

  /**
   * A new connection to the same Redis for a library that needs connections of its own (socket.io's
   * adapter); the caller closes it.
   */
  async openConnection(overrides: RedisOptions = {}): Promise<Redis> {
    const connection = connect(this.options.url, overrides);
    try {
      await connection.connect();
      return connection;
    } catch (err) {
      connection.disconnect();
      throw err;
    }
  }

  /** Connects (failing loudly when Redis is unreachable) and returns the ready instance. */
  static async connect(options: RedisInfraOptions): Promise<RedisInfra> {
    const infra = new RedisInfra(options);
    await infra.client.connect();
    return infra;
  }

  /** A subscribed ioredis connection can run nothing else, hence a second connection. */
  private ensureSubscriber(): Promise<Redis> {
    this.subscriber ??= this.openSubscriber();
    return this.subscriber;
  }

  private async openSubscriber(): Promise<Redis> {
    const sub = connect(this.options.url);
    sub.on('error', () => undefined);
    sub.on('message', (channel: string, message: string) => {
      for (const handler of this.handlers.get(channel) ?? []) handler(message);
    });
    try {
      await sub.connect();
      return sub;
    } catch (err) {
      // Let the next subscribe try again instead of caching a failed connection forever.
      this.subscriber = undefined;
      sub.disconnect();
      throw err;
    }
  }

  async ping(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`redis ping timed out after ${timeoutMs}ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.client.ping(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Deletes every key under this instance's prefix (used by tests to clean up after themselves). */
  async flushPrefix(): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await this.client.scan(cursor, 'MATCH', `${this.prefix}*`, 'COUNT', 500);
      if (keys.length) await this.client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  }

  async close(): Promise<void> {
    this.handlers.clear();
    this.limiters.clear();
    const subscriber = this.subscriber?.catch(() => undefined);
    await Promise.allSettled([this.client.quit(), subscriber?.then((s) => s?.quit())]);
  }
}
