import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type OutboxStatus = 'pending' | 'delivered' | 'failed' | 'dropped';

/**
 * A message that must leave the system (subscribe message, socket push, government sync), written in
 * the same transaction as the change that caused it and delivered afterwards by the outbox worker
 * with retries. `dedupe_key` makes enqueueing idempotent; handlers make delivery idempotent.
 * - `failed`: gave up after the maximum attempts (kept for inspection and manual retry);
 * - `dropped`: the handler said retrying cannot help (e.g. WeChat 43101, no subscription quota).
 */
@Entity({ name: 'outbox_message' })
@Index('uq_outbox_dedupe', ['dedupeKey'], { unique: true })
@Index('idx_outbox_due', ['status', 'nextAttemptAt'])
export class OutboxMessage {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** Handler name, e.g. `wechat.subscribe`, `realtime.case`, `gov.hotline.status`. */
  @Column({ type: 'varchar', length: 48 })
  topic!: string;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 160 })
  dedupeKey!: string;

  @Column({ type: 'text' })
  payload!: string;

  @Column({ type: 'varchar', length: 12 })
  status!: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'datetime' })
  nextAttemptAt!: Date;

  /** A worker's claim: others skip the row until then (a crashed worker's claim simply expires). */
  @Column({ name: 'locked_until', type: 'datetime', nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'locked_by', type: 'varchar', length: 64, nullable: true })
  lockedBy!: string | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @Column({ name: 'delivered_at', type: 'datetime', nullable: true })
  deliveredAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
