import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import { shanghaiDate, type MpRankingVO, type MyStudyVO, type PointsEntryVO } from '@zhili/shared';
import { MemberAccountService, MemberPeopleService, PartyMember } from '../../party';
import { StudyDayTotal } from '../progress/study-day-total.entity';
import { StudyClock } from '../progress/study-clock';
import { PointsEntry } from './points-entry.entity';
import { orgNames, periodOf, rankMembers, type RankedMember } from './points-ranking';
import { StudyPointsService } from './study-points.service';

/** Places shown in the mini-program's ranking. */
const RANKING_ROWS = 100;

const entryVO = (e: PointsEntry): PointsEntryVO => ({
  id: e.id,
  kind: e.kind,
  points: e.points,
  reason: e.reason,
  at: new Date(e.at).toISOString(),
});

/** A member's own points in the mini-program: totals and ranks, the ledger, the rankings (names only). */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MpPointsService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private accounts!: MemberAccountService;

  @Inject()
  private people!: MemberPeopleService;

  @Inject()
  private points!: StudyPointsService;

  @Inject()
  private clock!: StudyClock;

  /** The first call of a Beijing day also records the daily login (a no-op on later calls). */
  async me(mpUserId: string): Promise<MyStudyVO> {
    const member = await this.accounts.memberOf(mpUserId);
    const now = this.clock.now();
    const login = await this.points.awardNow({ memberId: member.id, kind: 'daily_login', at: now });
    const [month, year, all] = await Promise.all([
      this.sum(member.id, periodOf('month', now).from),
      this.sum(member.id, periodOf('year', now).from),
      this.sum(member.id, null),
    ]);
    const period = periodOf('month', now);
    const [branch, town] = await Promise.all([
      rankMembers(this.dataSource, await this.membersOf('branch', member), period),
      rankMembers(this.dataSource, await this.membersOf('town', member), period),
    ]);
    const rankIn = (rows: RankedMember[]) => ({
      rank: rows.find((r) => r.member.id === member.id)?.rank ?? rows.length,
      of: rows.length,
    });
    const today = await this.dataSource
      .getRepository(StudyDayTotal)
      .findOneBy({ memberId: member.id, day: shanghaiDate(now) });
    const name = (await this.people.describe([member])).get(member.id)?.name ?? '';
    return {
      name,
      branchName: (await orgNames(this.dataSource, [member.orgId])).get(member.orgId) ?? '',
      points: { month, year, all },
      rank: { branch: rankIn(branch), town: rankIn(town) },
      todayStudyMs: today?.ms ?? 0,
      loginAwarded: login ? entryVO(login) : null,
    };
  }

  async ledger(mpUserId: string, page: number, pageSize: number): Promise<{ items: PointsEntryVO[]; total: number }> {
    const member = await this.accounts.memberOf(mpUserId);
    const [rows, total] = await this.dataSource.getRepository(PointsEntry).findAndCount({
      where: { memberId: member.id },
      order: { at: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map(entryVO), total };
  }

  async ranking(mpUserId: string, scope: 'branch' | 'town', periodKind: 'month' | 'year'): Promise<MpRankingVO> {
    const member = await this.accounts.memberOf(mpUserId);
    const period = periodOf(periodKind, this.clock.now());
    const ranked = await rankMembers(this.dataSource, await this.membersOf(scope, member), period);
    const top = ranked.slice(0, RANKING_ROWS);
    const names = await this.people.describe(top.map((r) => r.member));
    const branches = await orgNames(
      this.dataSource,
      top.map((r) => r.member.orgId),
    );
    const mine = ranked.find((r) => r.member.id === member.id);
    return {
      scope,
      period,
      rows: top.map((r) => ({
        rank: r.rank,
        name: names.get(r.member.id)?.name ?? '',
        branchName: branches.get(r.member.orgId) ?? '',
        total: r.total,
        isMe: r.member.id === member.id,
      })),
      me: { rank: mine?.rank ?? ranked.length, total: mine?.total ?? 0 },
    };
  }

  /** Active members of the member's branch, or of the whole town. */
  private membersOf(scope: 'branch' | 'town', member: PartyMember): Promise<PartyMember[]> {
    return this.dataSource
      .getRepository(PartyMember)
      .findBy(scope === 'branch' ? { orgId: member.orgId, status: 'active' } : { status: 'active' });
  }

  private async sum(memberId: string, from: string | null): Promise<number> {
    const qb = this.dataSource
      .getRepository(PointsEntry)
      .createQueryBuilder('e')
      .select('COALESCE(SUM(e.points), 0)', 'total')
      .where('e.member_id = :memberId', { memberId });
    if (from) qb.andWhere('e.day >= :from', { from });
    return Number((await qb.getRawOne<{ total: string | number }>())?.total ?? 0);
  }
}
