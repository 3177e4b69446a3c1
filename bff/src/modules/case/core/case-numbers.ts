import type { EntityManager } from 'typeorm';
import { shanghaiDate } from '@zhili/shared';
import { isUniqueViolation } from '../../../core/db/unique-violation';
import { CaseNoCounter, CaseRecord } from '../entities';

/**
 * Human case numbers: yyyyMMdd + a 4-digit sequence (Asia/Shanghai), e.g. 202611220007; beyond 9999
 * the sequence simply grows. Two steps:
 *
 * 1. `ensureCaseNoCounter` before the intake transaction, on its own: makes sure the day's counter
 *    row exists (holding the last number used, so it continues after cases numbered without the
 *    counter, such as seeded samples). Racing first intakes of a day lose harmlessly on the primary key.
 * 2. `nextCaseNo` inside the intake transaction: bumps that row. The row stays locked until commit, so
 *    concurrent intakes number one after another and a rolled-back intake gives its number back.
 *
 * (Reading MAX(no) + 1 let ten concurrent submissions on MariaDB draw the same number. Creating the
 * row inside the intake transaction made them all take a gap lock on the missing row and then
 * insert it: a chain of deadlocks deeper than the intake's retries.)
 */
export async function ensureCaseNoCounter(manager: EntityManager, now: Date): Promise<void> {
  const day = dayOf(now);
  if (await manager.exists(CaseNoCounter, { where: { day } })) return;
  try {
    await manager.insert(CaseNoCounter, { day, seq: await highestOfDay(manager, day) });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
}

export async function nextCaseNo(manager: EntityManager, now: Date): Promise<string> {
  const day = dayOf(now);
  const bumped = await manager
    .createQueryBuilder()
    .update(CaseNoCounter)
    .set({ seq: () => 'seq + 1' })
    .where('day = :day', { day })
    .execute();
  if (!bumped.affected) throw new Error(`case number counter of ${day} missing: call ensureCaseNoCounter first`);
  const { seq } = await manager.findOneOrFail(CaseNoCounter, { where: { day } });
  return `${day}${String(seq).padStart(4, '0')}`;
}

function dayOf(now: Date): string {
  return shanghaiDate(now).replace(/-/g, '');
}

async function highestOfDay(manager: EntityManager, day: string): Promise<number> {
  // A numeric range: a sentinel such as `${day}~` sorts before the digits under utf8mb4_unicode_ci.
  const latest = await manager
    .createQueryBuilder(CaseRecord, 'c')
    .select('c.no', 'no')
    .where('c.no >= :lo AND c.no < :hi', { lo: day, hi: String(Number(day) + 1) })
    // Longest first: after 9999 the sequence has five digits and must win over "…9999".
    .orderBy('LENGTH(c.no)', 'DESC')
    .addOrderBy('c.no', 'DESC')
    .limit(1)
    .getRawOne<{ no: string }>();
  return latest ? Number(latest.no.slice(day.length)) : 0;
}
