import { In, type DataSource } from 'typeorm';
import { pointsRanking, shanghaiDate, type PointsPeriod } from '@zhili/shared';
import { PartyMember, PartyOrg } from '../../party';
import { PointsEntry } from './points-entry.entity';

export interface RankedMember {
  member: PartyMember;
  total: number;
  rank: number;
}

/** This month / this year up to today, in Beijing days. */
export function periodOf(kind: 'month' | 'year', now: number): PointsPeriod {
  const today = shanghaiDate(now);
  return { from: kind === 'month' ? `${today.slice(0, 7)}-01` : `${today.slice(0, 4)}-01-01`, to: today };
}

/**
 * The ranking of `members` over `period` with the shared 1, 1, 3 rule: every member listed appears
 * (with 0 when they earned nothing); entries of members not listed (transferred out, another branch)
 * are left out.
 */
export async function rankMembers(
  dataSource: DataSource,
  members: readonly PartyMember[],
  period: PointsPeriod,
): Promise<RankedMember[]> {
  if (members.length === 0) return [];
  const sums = await dataSource
    .getRepository(PointsEntry)
    .createQueryBuilder('e')
    .select('e.member_id', 'memberId')
    .addSelect('SUM(e.points)', 'total')
    .where('e.day >= :from AND e.day <= :to', period)
    .groupBy('e.member_id')
    .getRawMany<{ memberId: string; total: string | number }>();
  const sumOf = new Map(sums.map((s) => [s.memberId, Number(s.total)]));
  const byId = new Map(members.map((m) => [m.id, m]));
  const totals = [...byId.keys()].map((memberId) => ({ memberId, total: sumOf.get(memberId) ?? 0 }));
  return pointsRanking(totals).map((row) => ({ member: byId.get(row.memberId) as PartyMember, ...row }));
}

/** Branch names by id, for ranking rows. */
export async function orgNames(dataSource: DataSource, orgIds: readonly string[]): Promise<Map<string, string>> {
  if (orgIds.length === 0) return new Map();
  const orgs = await dataSource.getRepository(PartyOrg).findBy({ id: In([...new Set(orgIds)]) });
  return new Map(orgs.map((o) => [o.id, o.name]));
}
