import { ILogger, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxMessage } from './outbox-message.entity';
import {
  OutboxOutcome,
  claimOutboxMessage,
  dueOutboxIds,
  insertOutboxDrafts,
  releaseOutboxMessage,
} from './outbox.queries';
import { OutboxDraft, OutboxHandler, PermanentDeliveryError, outboxBackoffMs, outboxPolicy } from './outbox.types';

const addMs = (date: Date, ms: number) => new Date(date.getTime() + ms);
const errorText = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 500);

/**
 * The transactional outbox: messages are written with the change that caused them (`enqueue`) and
 * delivered afterwards by `deliverDue`, at least once, with exponential backoff. Rows are claimed
 * with a conditional UPDATE, so any number of processes (and concurrent passes) can deliver without
 * delivering the same row twice at the same time.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class OutboxService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Logger()
  private logger!: ILogger;

  private readonly handlers = new Map<string, OutboxHandler>();
  /** `kick()` only delivers once the worker turned it on (never in tests with JOBS_ENABLED=false). */
  private autoDelivery = false;
  private kickScheduled = false;
  private backgroundPass?: Promise<void>;
  private passRequested = false;

  /** Writes the messages with `manager` (the caller's transaction); duplicate dedupe keys are skipped. */
  async enqueue(manager: EntityManager, messages: OutboxDraft[]): Promise<void> {
    await insertOutboxDrafts(manager, messages, new Date());
  }

  /** Sets the handler of a topic (one per topic; the last registration wins). */
  register(topic: string, handler: OutboxHandler): void {
    this.handlers.set(topic, handler);
    // Messages that waited for this handler may be delivered now.
    this.kick();
  }

  /** Removes the handler of a topic: its messages wait again as for a topic never registered. */
  unregister(topic: string): void {
    this.handlers.delete(topic);
  }

  /** Turns background delivery on or off (the outbox worker job does this on start/stop). */
  setAutoDelivery(enabled: boolean): void {
    this.autoDelivery = enabled;
  }

  /**
   * Asks for a delivery pass soon (call after commit). Never blocks; kicks in a burst coalesce into
   * one pass, and a kick during a pass schedules exactly one more.
   */
  kick(): void {
    if (!this.autoDelivery || this.kickScheduled) return;
    this.kickScheduled = true;
    setImmediate(() => {
      this.kickScheduled = false;
      void this.runInBackground();
    });
  }

  /** One background pass, never two at once in this process; errors are logged. */
  runInBackground(): Promise<void> {
    if (this.backgroundPass) {
      this.passRequested = true;
      return this.backgroundPass;
    }
    const loop = async () => {
      let more = false;
      do {
        this.passRequested = false;
        try {
          // A full batch means more may be due: go on without waiting for the next poll.
          more = (await this.pass(new Date())).full;
        } catch (err) {
          more = false;
          this.logger.error('[outbox] delivery pass failed: %s', errorText(err));
        }
      } while ((this.passRequested || more) && this.autoDelivery);
    };
    this.backgroundPass = loop().finally(() => {
      this.backgroundPass = undefined;
    });
    return this.backgroundPass;
  }

  /** Resolves when the current background pass (if any) has finished. */
  async idle(): Promise<void> {
    await this.backgroundPass;
  }

  /** One delivery pass over the messages due at `now`; returns how many were delivered. */
  async deliverDue(now: Date = new Date()): Promise<number> {
    return (await this.pass(now)).delivered;
  }

  private async pass(now: Date): Promise<{ delivered: number; full: boolean }> {
    const due = await dueOutboxIds(this.dataSource, now, outboxPolicy.batchSize);
    let delivered = 0;
    for (const id of due) {
      const message = await claimOutboxMessage(this.dataSource, id, now);
      if (message && (await this.deliver(message, now))) delivered += 1;
    }
    return { delivered, full: due.length === outboxPolicy.batchSize };
  }

  /** Runs the handler and records the outcome; true when delivered. */
  private async deliver(message: OutboxMessage, now: Date): Promise<boolean> {
    const handler = this.handlers.get(message.topic);
    if (!handler) {
      this.logger.warn('[outbox] no handler for topic %s yet; %s waits', message.topic, message.dedupeKey);
      await this.finish(message, {
        lastError: `no handler registered for topic ${message.topic}`,
        nextAttemptAt: addMs(now, outboxPolicy.unknownTopicRetryMs),
      });
      return false;
    }
    const attempts = message.attempts + 1;
    try {
      await handler(this.parsePayload(message), message);
    } catch (err) {
      if (err instanceof PermanentDeliveryError) {
        this.logger.warn('[outbox] %s %s dropped: %s', message.topic, message.dedupeKey, errorText(err));
        await this.finish(message, { status: 'dropped', attempts, lastError: errorText(err) });
        return false;
      }
      const gaveUp = attempts >= outboxPolicy.maxAttempts;
      this.logger[gaveUp ? 'error' : 'warn'](
        '[outbox] %s %s attempt %d failed: %s',
        message.topic,
        message.dedupeKey,
        attempts,
        errorText(err),
      );
      await this.finish(message, {
        status: gaveUp ? 'failed' : 'pending',
        attempts,
        lastError: errorText(err),
        nextAttemptAt: gaveUp ? message.nextAttemptAt : addMs(now, outboxBackoffMs(attempts)),
      });
      return false;
    }
    await this.finish(message, { status: 'delivered', attempts, lastError: null, deliveredAt: now });
    return true;
  }

  private parsePayload(message: OutboxMessage): Record<string, unknown> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message.payload);
    } catch {
      throw new PermanentDeliveryError('payload is not JSON');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new PermanentDeliveryError('payload is not a JSON object');
    }
    return parsed as Record<string, unknown>;
  }

  private finish(message: OutboxMessage, outcome: OutboxOutcome): Promise<void> {
    return releaseOutboxMessage(this.dataSource, message, outcome);
  }
}
