import type { ZodType } from '@zhili/shared';
import type { OutboxMessage } from '../outbox';

/**
 * A kind of domain event: its name and the schema of its payload. The producing module defines it
 * once (`defineDomainEvent`) and exports it from its `index.ts`; producers append with it and
 * subscribers subscribe to it, so both sides share one payload type and nobody names the other.
 */
export interface DomainEventDef<P extends object> {
  /** Dotted, `<module>.<what_happened>`, e.g. `case.event_appended`. */
  readonly type: string;
  /** Checks a stored payload at delivery time (rows may predate a deploy or be edited by hand). */
  readonly schema: ZodType<P>;
}

/** The payload type of an event definition. */
export type EventPayload<E> = E extends DomainEventDef<infer P> ? P : never;

export function defineDomainEvent<P extends object>(type: string, schema: ZodType<P>): DomainEventDef<P> {
  return Object.freeze({ type, schema });
}

/**
 * A consumer of one event type. Every subscriber gets its own outbox row per event, so it has its
 * own delivery state, attempts and dead letter: one failing subscriber never holds up another.
 */
export interface EventSubscriber<P extends object> {
  /**
   * Stable and unique in the process: the outbox topic of this subscriber's rows and the suffix of
   * their dedupe keys (≤ 48 characters). Renaming it strands pending rows unless a migration maps them.
   */
  name: string;
  /**
   * Cheap filter run at append time, inside the producer's transaction: false writes no row. Pure
   * (no I/O); anything that needs current state belongs in `handle`.
   */
  when?: (payload: P) => boolean;
  /** Delivers one event: resolves = done, throws = retry, `PermanentDeliveryError` = drop. */
  handle: (payload: P, message: OutboxMessage) => Promise<void>;
  /**
   * Rows are still written, but wait (pending, no attempts spent) while paused — e.g. a government
   * connector that is not configured in this deployment yet.
   */
  paused?: boolean;
}
