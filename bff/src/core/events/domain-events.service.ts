import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { EntityManager } from 'typeorm';
import { OutboxService, PermanentDeliveryError } from '../outbox';
import type { OutboxDraft, OutboxHandler } from '../outbox';
import type { DomainEventDef, EventSubscriber } from './domain-event';

/** What is kept per subscriber: its event definition and its append-time filter. */
interface Subscription {
  name: string;
  event: DomainEventDef<object>;
  wants: (payload: object) => boolean;
}

const TOPIC_MAX = 48;
const issueText = (issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>) =>
  issues
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ')
    .slice(0, 300);

/**
 * Typed domain events on top of the transactional outbox. `append` writes, in the caller's
 * transaction, one outbox row per interested subscriber (topic = subscriber name, dedupe key = event
 * key + subscriber name), so a retried transaction cannot double an event and each subscriber is
 * delivered and retried on its own. Subscribers register by event; producers never list them.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class DomainEvents {
  @Inject()
  private outbox!: OutboxService;

  @Logger()
  private logger!: ILogger;

  private readonly byType = new Map<string, Subscription[]>();
  private readonly byName = new Map<string, Subscription>();

  /** Registers `subscriber` for `event`; a name may be taken once (see `EventSubscriber.name`). */
  subscribe<P extends object>(event: DomainEventDef<P>, subscriber: EventSubscriber<P>): void {
    const { name } = subscriber;
    if (!name || name.length > TOPIC_MAX)
      throw new Error(`Event subscriber name must be 1-${TOPIC_MAX} characters: ${name}`);
    if (this.byName.has(name)) throw new Error(`Event subscriber ${name} is registered twice`);
    const when = subscriber.when;
    const subscription: Subscription = {
      name,
      event,
      // Only `append` calls this, with a payload of this very definition (checked there), so the
      // payload is a P: the cast restores the type the map of mixed subscriptions had to forget.
      wants: when ? (payload) => when(payload as P) : () => true,
    };
    this.byName.set(name, subscription);
    this.byType.set(event.type, [...(this.byType.get(event.type) ?? []), subscription]);
    if (!subscriber.paused) this.outbox.register(name, this.handlerOf(event, subscriber));
  }

  /** Removes a subscriber: no new rows for it; rows already written wait for a handler. */
  unsubscribe(name: string): void {
    const subscription = this.byName.get(name);
    if (!subscription) return;
    this.byName.delete(name);
    const rest = (this.byType.get(subscription.event.type) ?? []).filter((s) => s !== subscription);
    this.byType.set(subscription.event.type, rest);
    this.outbox.unregister(name);
  }

  /** Names of the subscribers of an event type, in registration order (for docs and health). */
  subscribers(event: DomainEventDef<object>): string[] {
    return (this.byType.get(event.type) ?? []).map((s) => s.name);
  }

  /**
   * Appends one event with `manager` (the caller's transaction). `key` identifies the event for good
   * (e.g. `case:<id>:ev:<seq>`): appending the same key again writes nothing new. Answers how many
   * subscriber rows were written. Call `kick()` after the transaction commits.
   */
  async append<P extends object>(
    manager: EntityManager,
    event: DomainEventDef<P>,
    payload: P,
    key: string,
    options: { delayMs?: number } = {},
  ): Promise<number> {
    const drafts: OutboxDraft[] = [];
    for (const subscription of this.byType.get(event.type) ?? []) {
      if (subscription.event !== event) throw new Error(`Two definitions of event ${event.type}`);
      if (!this.wants(subscription, payload, key)) continue;
      drafts.push({
        topic: subscription.name,
        dedupeKey: `${key}:${subscription.name}`,
        payload,
        delayMs: options.delayMs,
      });
    }
    await this.outbox.enqueue(manager, drafts);
    return drafts.length;
  }

  /** Asks for delivery now; call after the appending transaction committed. */
  kick(): void {
    this.outbox.kick();
  }

  /** A throwing filter is a subscriber's bug: it must not fail the producer, so the row is written. */
  private wants(subscription: Subscription, payload: object, key: string): boolean {
    try {
      return subscription.wants(payload);
    } catch (err) {
      this.logger.error(
        '[events] filter of %s failed for %s; row written: %s',
        subscription.name,
        key,
        err instanceof Error ? err.message : String(err),
      );
      return true;
    }
  }

  /** The outbox handler of one subscriber: the stored payload is checked against the event's schema. */
  private handlerOf<P extends object>(event: DomainEventDef<P>, subscriber: EventSubscriber<P>): OutboxHandler {
    return async (raw, message) => {
      const parsed = event.schema.safeParse(raw);
      if (!parsed.success)
        throw new PermanentDeliveryError(`payload of ${event.type} invalid: ${issueText(parsed.error.issues)}`);
      await subscriber.handle(parsed.data, message);
    };
  }
}
