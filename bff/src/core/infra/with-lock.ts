import type { DistributedLock, LockHandle } from './types';
import { LockTimeoutError } from './types';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Shared `withLock` for both implementations: poll `tryAcquire` with a short back-off. */
export async function withLockPolling<T>(
  lock: Pick<DistributedLock, 'tryAcquire'>,
  key: string,
  ttlMs: number,
  waitMs: number,
  fn: () => Promise<T>,
): Promise<T> {
  const deadline = Date.now() + waitMs;
  let handle: LockHandle | null = await lock.tryAcquire(key, ttlMs);
  let delay = 10;
  while (!handle) {
    if (Date.now() >= deadline) throw new LockTimeoutError(key);
    await sleep(Math.min(delay, Math.max(1, deadline - Date.now())));
    delay = Math.min(delay * 2, 200);
    handle = await lock.tryAcquire(key, ttlMs);
  }
  try {
    return await fn();
  } finally {
    await handle.release();
  }
}
