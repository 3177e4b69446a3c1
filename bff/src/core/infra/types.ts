/**
 * One interface for the shared infrastructure the BFF needs across processes: a cache, a distributed
 * lock, a rate-limit counter and pub/sub. Redis implements it in production; an in-process version
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

export interface RateCount {
  /** Hits in the current window including this one. */
  count: number;
  /** Seconds until the window resets. */
  resetInSec: number;
}

export interface RateCounter {
  /** Counts a hit in a fixed window of `windowSec` seconds keyed by `key`. */
  hit(key: string, windowSec: number): Promise<RateCount>;
  reset(key: string): Promise<void>;
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
  readonly rate: RateCounter;
  readonly pubsub: PubSub;
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
