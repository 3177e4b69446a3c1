import type { EntityManager } from 'typeorm';
import { shanghaiDate } from '@zhili/shared';
import { CaseNoCounter, CaseRecord } from '../entities';

/**
 * The next human case number of the day: yyyyMMdd + a 4-digit sequence (Asia/Shanghai), e.g.
 * 202611220007; beyond 9999 the sequence simply grows. Call it inside the intake transaction: the
 * day's counter row stays locked until commit, so concurrent intakes number one after another and a
 * rolled-back intake gives its number back. (Reading MAX(no) + 1 instead let ten concurrent
 * submissions on MariaDB draw the same number and fail on the unique index.)
 */
export async function nextCaseNo(manager: EntityManager, now: Date): Promise<string> {
  const day = shanghaiDate(now).replace(/-/g, '');
  const bumped = await manager
    .createQueryBuilder()
    .update(CaseNoCounter)
    .set({ seq: () => 'seq + 1' })
    .where('day = :day', { day })
    .execute();
  let seq: number;
  if (bumped.affected) {
    seq = (await manager.findOneOrFail(CaseNoCounter, { where: { day } })).seq;
  } else {
    // The day's first number: continue after cases numbered without the counter (seeded samples).
    // Two first intakes of a day race on the primary key; the loser's transaction fails as a
    // unique violation and the intake retries, then finding the row.
    seq = (await highestOfDay(manager, day)) + 1;
    await manager.insert(CaseNoCounter, { day, seq });
  }
  return `${day}${String(seq).padStart(4, '0')}`;
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
