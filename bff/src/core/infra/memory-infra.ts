import { EventEmitter } from 'events';
import { randomUUID } from 'crypto';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Cache, DistributedLock, Infra, LockHandle, PubSub, Unsubscribe } from './types';
import { RateBudget, RateLimiter, RateLimiterRegistry } from './rate-limiter';
import { withLockPolling } from './with-lock';

interface Entry {
  value: string;
  /** Epoch ms; undefined = never expires. */
  expiresAt?: number;
}

/** A string store with lazy expiry, the common ground of the in-process cache and lock. */
class ExpiringMap {
  private readonly entries = new Map<string, Entry>();
  constructor(private readonly now: () => number) {}

  get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  set(key: string, value: string, ttlMs?: number): void {
    this.entries.set(key, { value, expiresAt: ttlMs === undefined ? undefined : this.now() + ttlMs });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

/** The embedded default: everything in this process. Correct for one BFF process only. */
export class MemoryInfra implements Infra {
  readonly kind = 'memory' as const;
  private readonly store: ExpiringMap;
  private readonly bus = new EventEmitter();
  readonly cache: Cache;
  readonly lock: DistributedLock;
  readonly pubsub: PubSub;
  private readonly limiters = new RateLimiterRegistry(
    (budget) =>
      new RateLimiter(budget, new RateLimiterMemory({ points: budget.limit, duration: budget.windowSec }), (run) =>
        run(),
      ),
  );

  constructor(now: () => number = Date.now) {
    this.store = new ExpiringMap(now);
    this.bus.setMaxListeners(0);
    const store = this.store;
    const bus = this.bus;

    this.cache = {
      async get(key) {
        return store.get(key)?.value ?? null;
      },
      async set(key, value, ttlSec) {
        store.set(key, value, ttlSec === undefined ? undefined : ttlSec * 1000);
      },
      async setIfAbsent(key, value, ttlSec) {
        if (store.get(key)) return false;
        store.set(key, value, ttlSec * 1000);
        return true;
      },
      async del(key) {
        store.delete(key);
      },
      async ttl(key) {
        const entry = store.get(key);
        if (!entry) return -2;
        if (entry.expiresAt === undefined) return -1;
        return Math.ceil((entry.expiresAt - now()) / 1000);
      },
    };

    const lock: DistributedLock = {
      async tryAcquire(key, ttlMs): Promise<LockHandle | null> {
        const lockKey = `lock:${key}`;
        if (store.get(lockKey)) return null;
        const token = randomUUID();
        store.set(lockKey, token, ttlMs);
        return {
          key,
          async release() {
            if (store.get(lockKey)?.value !== token) return false;
            store.delete(lockKey);
            return true;
          },
        };
      },
      withLock: (key, ttlMs, waitMs, fn) => withLockPolling(lock, key, ttlMs, waitMs, fn),
    };
    this.lock = lock;

    this.pubsub = {
      async publish(channel, message) {
        // Deliver asynchronously, like a broker would, so publishers never run subscriber code inline.
        setImmediate(() => bus.emit(channel, message));
      },
      async subscribe(channel, handler): Promise<Unsubscribe> {
        bus.on(channel, handler);
        return async () => {
          bus.off(channel, handler);
        };
      },
    };
  }

  rateLimiter(budget: RateBudget): RateLimiter {
    return this.limiters.get(budget);
  }

  async ping(): Promise<void> {
    // Nothing to reach: the process itself is the store.
  }

  async close(): Promise<void> {
    this.bus.removeAllListeners();
    this.store.clear();
    this.limiters.clear();
  }
}
