import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AppraisalGroup, appraisalGrades, appraisalScore, surveyPhase } from '@zhili/shared';
import type { AppraisalResultVO, AppraisalRoundVO } from '@zhili/shared';
import { MemberPeopleService, PartyMember, PartyOrg } from '../../party';
import { todayInShanghai } from '../../registry';
import { AppraisalBallot, AppraisalRound, AppraisalSubject, AppraisalVote } from './appraisal.entity';

const GROUPS: AppraisalGroup[] = [AppraisalGroup.Resident, AppraisalGroup.Member, AppraisalGroup.Leader];

/** How an appraisal reads in the portal: progress while open; results, best first, once closed. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class AppraisalViews {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private people!: MemberPeopleService;

  /** Names of members by id, as their files read. */
  async namesOf(memberIds: readonly string[]): Promise<Map<string, string>> {
    if (memberIds.length === 0) return new Map();
    const members = await this.dataSource.getRepository(PartyMember).findBy({ id: In([...new Set(memberIds)]) });
    const people = await this.people.describe(members);
    return new Map(members.map((m) => [m.id, people.get(m.id)?.name ?? '']));
  }

  async toVOs(rounds: readonly AppraisalRound[], now = new Date()): Promise<AppraisalRoundVO[]> {
    if (rounds.length === 0) return [];
    const ids = rounds.map((r) => r.id);
    const subjects = await this.dataSource.getRepository(AppraisalSubject).findBy({ roundId: In(ids) });
    const names = await this.namesOf(subjects.map((s) => s.memberId));
    const orgs = await this.dataSource
      .getRepository(PartyOrg)
      .findBy({ id: In([...new Set(rounds.map((r) => r.orgId))]) });
    const orgNames = new Map(orgs.map((o) => [o.id, o.name]));
    const ballots = await this.dataSource
      .getRepository(AppraisalBallot)
      .createQueryBuilder('b')
      .select('b.round_id', 'roundId')
      .addSelect('b.voter_group', 'grp')
      .addSelect('COUNT(*)', 'votes')
      .addSelect('COUNT(DISTINCT b.voter_key)', 'voters')
      .where('b.round_id IN (:...ids)', { ids })
      .groupBy('b.round_id')
      .addGroupBy('b.voter_group')
      .getRawMany<{ roundId: string; grp: AppraisalGroup; votes: number | string; voters: number | string }>();
    const closed = rounds.filter((r) => r.status === 'closed').map((r) => r.id);
    const votes = closed.length
      ? await this.dataSource.getRepository(AppraisalVote).findBy({ roundId: In(closed) })
      : [];
    const today = todayInShanghai(now);
    const vos: AppraisalRoundVO[] = [];
    for (const r of rounds) {
      const mine = subjects.filter((s) => s.roundId === r.id);
      const progress = GROUPS.map((group) => {
        const row = ballots.find((b) => b.roundId === r.id && b.grp === group);
        return { group, voters: Number(row?.voters ?? 0), votes: Number(row?.votes ?? 0) };
      });
      const results =
        r.status === 'closed'
          ? this.resultsOf(
              mine,
              votes.filter((v) => v.roundId === r.id),
              names,
            )
          : null;
      const scored = results?.filter((x) => x.score !== null) ?? [];
      vos.push({
        id: r.id,
        orgId: r.orgId,
        orgName: orgNames.get(r.orgId) ?? '',
        title: r.title,
        period: r.period,
        opensOn: r.opensOn,
        closesOn: r.closesOn,
        status: r.status,
        phase: surveyPhase(r, today),
        hasResidents: !!r.regionPath,
        appraisees: mine.map((s) => ({ memberId: s.memberId, name: names.get(s.memberId) ?? '' })),
        progress,
        closedAt: r.closedAt,
        results,
        summary: results
          ? {
              average: scored.length
                ? Math.round((scored.reduce((sum, x) => sum + (x.score ?? 0), 0) * 10) / scored.length) / 10
                : null,
              voters: await this.distinctVoters(r.id),
            }
          : null,
        createdAt: r.createdAt.toISOString(),
      });
    }
    return vos;
  }

  private async distinctVoters(roundId: string): Promise<number> {
    const row = await this.dataSource
      .getRepository(AppraisalBallot)
      .createQueryBuilder('b')
      .select('COUNT(DISTINCT b.voter_key)', 'n')
      .where('b.round_id = :roundId', { roundId })
      .getRawOne<{ n: number | string }>();
    return Number(row?.n ?? 0);
  }

  /** Per member: the 60/30/10 score (the rule renormalises over groups that voted), best first. */
  private resultsOf(
    subjects: readonly AppraisalSubject[],
    votes: readonly AppraisalVote[],
    names: ReadonlyMap<string, string>,
  ): AppraisalResultVO[] {
    return subjects
      .map((s) => {
        const own = votes.filter((v) => v.memberId === s.memberId);
        const score = appraisalScore(own.map((v) => ({ group: v.voterGroup, score: v.score })));
        return {
          memberId: s.memberId,
          name: names.get(s.memberId) ?? '',
          score: score?.score ?? null,
          groups: (score?.groups ?? []).map((g) => ({
            group: g.group,
            votes: g.votes,
            mean: Math.round(g.mean * 10) / 10,
            weight: Math.round(g.weight * 10) / 10,
          })),
          gradeCounts: appraisalGrades.map((grade) => own.filter((v) => v.grade === grade).length),
        };
      })
      .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.name.localeCompare(b.name, 'zh'));
  }
}
