import { randomUUID } from 'crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { OutboxMessage } from './outbox-message.entity';
import type { OutboxDraft } from './outbox.types';
import { outboxPolicy } from './outbox.types';

const addMs = (date: Date, ms: number) => new Date(date.getTime() + ms);

/** The fields a delivery attempt may change when it releases its claim. */
export type OutboxOutcome = Partial<
  Pick<OutboxMessage, 'status' | 'attempts' | 'lastError' | 'nextAttemptAt' | 'deliveredAt'>
>;

/**
 * Inserts the drafts with `manager`; a draft whose dedupe key exists is skipped by the database —
 * `INSERT IGNORE` (MySQL/MariaDB) or `ON CONFLICT DO NOTHING` (SQLite) — so a duplicate neither
 * fails nor aborts the caller's transaction.
 */
export async function insertOutboxDrafts(
  manager: EntityManager,
  drafts: readonly OutboxDraft[],
  now: Date,
): Promise<void> {
  for (const draft of drafts) {
    // Checked here: INSERT IGNORE would silently truncate instead of failing.
    if (draft.topic.length > 48 || draft.dedupeKey.length > 160) {
      throw new Error(`Outbox topic or dedupe key too long: ${draft.topic} ${draft.dedupeKey}`);
    }
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values({
        id: randomUUID(),
        topic: draft.topic,
        dedupeKey: draft.dedupeKey,
        payload: JSON.stringify(draft.payload),
        status: 'pending',
        attempts: 0,
        nextAttemptAt: addMs(now, draft.delayMs ?? 0),
        lockedUntil: null,
        lockedBy: null,
        lastError: null,
        deliveredAt: null,
      })
      .orIgnore()
      .updateEntity(false)
      .execute();
  }
}

/** Ids of pending messages due at `now` and not claimed by anyone, oldest due first. */
export async function dueOutboxIds(dataSource: DataSource, now: Date, limit: number): Promise<string[]> {
  const rows = await dataSource
    .getRepository(OutboxMessage)
    .createQueryBuilder('m')
    .select(['m.id'])
    .where("m.status = 'pending'")
    .andWhere('m.next_attempt_at <= :now', { now })
    .andWhere('(m.locked_until IS NULL OR m.locked_until < :now)', { now })
    .orderBy('m.next_attempt_at', 'ASC')
    .limit(limit)
    .getMany();
  return rows.map((r) => r.id);
}

/**
 * Claims a message with a conditional UPDATE: exactly one of several concurrent claimers (processes
 * or passes) sees one affected row. Answers the claimed row, re-read so what another worker wrote
 * before the claim (attempts) is current; null when someone else has it or it is no longer due.
 */
export async function claimOutboxMessage(dataSource: DataSource, id: string, now: Date): Promise<OutboxMessage | null> {
  const token = randomUUID();
  const result = await dataSource
    .createQueryBuilder()
    .update(OutboxMessage)
    .set({ lockedUntil: addMs(now, outboxPolicy.leaseMs), lockedBy: token })
    .where('id = :id', { id })
    .andWhere("status = 'pending'")
    .andWhere('next_attempt_at <= :now', { now })
    .andWhere('(locked_until IS NULL OR locked_until < :now)', { now })
    .execute();
  if (result.affected !== 1) return null;
  return dataSource.getRepository(OutboxMessage).findOneBy({ id, lockedBy: token });
}

/** Records the outcome and releases the claim; a claim that expired and was re-taken is left alone. */
export async function releaseOutboxMessage(
  dataSource: DataSource,
  message: OutboxMessage,
  outcome: OutboxOutcome,
): Promise<void> {
  await dataSource
    .createQueryBuilder()
    .update(OutboxMessage)
    .set({ ...outcome, lockedUntil: null, lockedBy: null })
    .where('id = :id', { id: message.id })
    .andWhere('locked_by = :token', { token: message.lockedBy })
    .execute();
}
