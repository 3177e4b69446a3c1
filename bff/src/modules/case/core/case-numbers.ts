import type { EntityManager } from 'typeorm';
import { shanghaiDate } from '@zhili/shared';
import { CaseRecord } from '../entities';

/**
 * The next human case number of the day: yyyyMMdd + a 4-digit sequence (Asia/Shanghai), e.g.
 * 202611220007; beyond 9999 the sequence simply grows. Two concurrent intakes may compute the same
 * number: the unique index refuses the second and the intake retries.
 */
export async function nextCaseNo(manager: EntityManager, now: Date): Promise<string> {
  const prefix = shanghaiDate(now).replace(/-/g, '');
  // The range is numeric on purpose: a sentinel such as `${prefix}~` sorts before the digits under
  // MariaDB's utf8mb4_unicode_ci, which once made every number of the day …0001.
  const nextDay = String(Number(prefix) + 1);
  const latest = await manager
    .createQueryBuilder(CaseRecord, 'c')
    .select('c.no', 'no')
    .where('c.no >= :lo AND c.no < :hi', { lo: prefix, hi: nextDay })
    // Longest first: after 9999 the sequence has five digits and must win over "…9999".
    .orderBy('LENGTH(c.no)', 'DESC')
    .addOrderBy('c.no', 'DESC')
    .limit(1)
    .getRawOne<{ no: string }>();
  const last = latest ? Number(latest.no.slice(prefix.length)) : 0;
  return `${prefix}${String(last + 1).padStart(4, '0')}`;
}
