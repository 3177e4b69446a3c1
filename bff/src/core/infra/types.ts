import type { RateBudget, RateLimiter } from './rate-limiter';

/**
 * One interface for the shared infrastructure the BFF needs across processes: a cache, a distributed
 * lock, rate limiters and pub/sub. Redis implements it in production; an in-process version
 * is the embedded default. Both pass the same contract tests (bff/test/infra.contract.test.ts).
 */
export interface Cache {
  get(key: string): Promise<string | null>;
  /** `ttlSec` omitted = no expiry. */
  set(key: string, value: string, ttlSec?: number): Promise<void>;
  /** Sets only when absent; true when this call set it. */
  setIfAbsent(key: string, value: string, ttlSec: number): Promise<boolean>;
  del(key: string): Promise<void>;
  /** Remaining lifetime in seconds; -1 no expiry; -2 missing (Redis semantics). */
  ttl(key: string): Promise<number>;
}

export interface LockHandle {
  readonly key: string;
  /** Releases only if we still own it (a lock that expired and was re-taken is not ours). */
  release(): Promise<boolean>;
}

export interface DistributedLock {
  /** Tries once; null when someone else holds it. */
  tryAcquire(key: string, ttlMs: number): Promise<LockHandle | null>;
  /** Waits up to `waitMs` for the lock, runs `fn`, always releases. Throws LockTimeoutError. */
  withLock<T>(key: string, ttlMs: number, waitMs: number, fn: () => Promise<T>): Promise<T>;
}

export type Unsubscribe = () => Promise<void>;

export interface PubSub {
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, handler: (message: string) => void): Promise<Unsubscribe>;
}

export interface Infra {
  readonly kind: 'memory' | 'redis';
  readonly cache: Cache;
  readonly lock: DistributedLock;
  readonly pubsub: PubSub;
  /** The limiter of a budget (rate-limiter-flexible: in memory here, in Redis there), one per budget name. */
  rateLimiter(budget: RateBudget): RateLimiter;
  /** Throws when the backing service does not answer within `timeoutMs`. */
  ping(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export class LockTimeoutError extends Error {
  constructor(key: string) {
    super(`Timed out waiting for lock ${key}`);
    this.name = 'LockTimeoutError';
  }
}
