import { ClientErrorCode, isAppError } from './errors';

/**
 * When to try a failed call again. Pure, so the upload helper and the offline outbox share one
 * policy and tests can pin it down.
 */

/** No HTTP answer at all: offline, DNS, timeout. The request may or may not have reached the BFF. */
export function isNetworkError(error: unknown): boolean {
  return isAppError(error) && error.code === ClientErrorCode.NETWORK;
}

/**
 * A failure that may go away by itself: no network, 429, or a 5xx. Validation errors, 4xx answers
 * and content refusals are final — sending the same thing again gives the same answer.
 */
export function isTransientError(error: unknown): boolean {
  if (!isAppError(error)) return false;
  if (error.code === ClientErrorCode.NETWORK) return true;
  return error.status === 429 || error.status >= 500;
}

/** Exponential backoff: base × 2^(attempt−1), capped. `attempt` counts from 1. */
export function backoffMs(attempt: number, baseMs = 1000, maxMs = 30_000): number {
  const n = Math.max(1, Math.floor(attempt));
  return Math.min(maxMs, baseMs * 2 ** (n - 1));
}

export interface RetryOptions {
  /** Total tries including the first (default 3). */
  attempts?: number;
  baseMs?: number;
  sleep?: (ms: number) => Promise<void>;
  retryable?: (error: unknown) => boolean;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `task`, trying again after a backoff while the failure is transient. Rethrows the last error. */
export async function withRetry<T>(task: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 3;
  const sleep = options.sleep ?? defaultSleep;
  const retryable = options.retryable ?? isTransientError;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await task();
    } catch (error) {
      if (attempt >= attempts || !retryable(error)) throw error;
      await sleep(backoffMs(attempt, options.baseMs ?? 800));
    }
  }
}
