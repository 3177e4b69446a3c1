import type { OutboxMessage } from './outbox-message.entity';

/**
 * Thrown by a handler when retrying cannot help (e.g. WeChat 43101: the user has no quota left);
 * the message becomes `dropped` with the error recorded, and is never retried.
 */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}

/** A message to write in the caller's transaction. Payloads carry ids; handlers re-read state. */
export interface OutboxDraft {
  topic: string;
  /** Globally unique per intended delivery: enqueueing the same key twice keeps the first. */
  dedupeKey: string;
  payload: object;
  /** Deliver no earlier than this many milliseconds after enqueueing. */
  delayMs?: number;
}

/** Delivers one message; resolves = delivered, throws = retry (or drop on PermanentDeliveryError). */
export type OutboxHandler = (payload: Record<string, unknown>, message: OutboxMessage) => Promise<void>;

/** Retry policy (docs/CONTRACTS.md "Outbox"). */
export const outboxPolicy = {
  maxAttempts: 12,
  baseBackoffMs: 1000,
  maxBackoffMs: 10 * 60 * 1000,
  /** A claim longer than any sane handler; a crashed worker's rows come back after it. */
  leaseMs: 2 * 60 * 1000,
  /** A topic without a handler is looked at again after this long (or at once on `register`). */
  unknownTopicRetryMs: 60 * 1000,
  /** Rows claimed per pass at most, so one pass stays bounded. */
  batchSize: 100,
} as const;

/** Delay before the next attempt after `attempts` failed ones: 1 s, 2 s, 4 s … capped at 10 min. */
export function outboxBackoffMs(attempts: number): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(outboxPolicy.baseBackoffMs * 2 ** exponent, outboxPolicy.maxBackoffMs);
}
