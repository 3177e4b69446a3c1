import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { appraisalGradeScores, appraisalVoteRefusal, surveyPhase } from '@zhili/shared';
import type { AppraisalBallotInput, AppraisalGroup, MyAppraisalRoundVO } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import { MemberAccountService, PartyOrg, PartyOrgSeat } from '../../party';
import type { PartyMember } from '../../party';
import { todayInShanghai } from '../../registry';
import { ResidentPlacesService } from '../common/resident-places.service';
import { AppraisalViews } from './appraisal-views';
import { AppraisalBallot, AppraisalRound, AppraisalSubject, AppraisalVote } from './appraisal.entity';

const notFound = () => new AppError('NOT_FOUND', '民主评议不存在或您不在本次评议范围内');
const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', undefined, [{ field, message }]);

interface Voter {
  group: AppraisalGroup;
  key: string;
  /** The voter's own member file (a member never grades themself). */
  memberId: string | null;
}

/**
 * Voting in the mini-program. Who votes, and in which group, is decided by the BFF on each request:
 * a member of the branch holding a seat on its current committee votes as 领导, other members of the
 * branch as 党员, people living in the branch's village or community as 群众. One grade per voter per
 * member (primary key); grades are stored without the voter.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class AppraisalVoteService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private accounts!: MemberAccountService;

  @Inject()
  private places!: ResidentPlacesService;

  @Inject()
  private views!: AppraisalViews;

  private async memberOf(mpUserId: string): Promise<PartyMember | null> {
    const member = await this.accounts.memberOf(mpUserId).catch(() => null);
    return member?.status === 'active' ? member : null;
  }

  private async voterIn(round: AppraisalRound, mpUserId: string, member: PartyMember | null, paths: string[]) {
    if (member && member.orgId === round.orgId) {
      const org = await this.dataSource.getRepository(PartyOrg).findOneBy({ id: round.orgId });
      // A seat names the member file, or the registry person behind it.
      const seat =
        !!org?.currentTermId &&
        (await this.dataSource.getRepository(PartyOrgSeat).exists({
          where: [
            { orgId: org.id, termId: org.currentTermId, memberId: member.id },
            ...(member.personId ? [{ orgId: org.id, termId: org.currentTermId, personId: member.personId }] : []),
          ],
        }));
      return { group: seat ? 'leader' : 'member', key: `member:${member.id}`, memberId: member.id } satisfies Voter;
    }
    if (round.regionPath && paths.some((p) => p.startsWith(round.regionPath ?? '\u0000')))
      return { group: 'resident', key: `mp:${mpUserId}`, memberId: member?.id ?? null } satisfies Voter;
    return null;
  }

  /** Open appraisals the caller may vote in. */
  async list(mpUserId: string): Promise<MyAppraisalRoundVO[]> {
    const member = await this.memberOf(mpUserId);
    const paths = await this.places.pathsOf(mpUserId);
    const rounds = await this.dataSource
      .getRepository(AppraisalRound)
      .find({ where: { status: 'open' }, order: { closesOn: 'ASC' }, take: 100 });
    const mine: MyAppraisalRoundVO[] = [];
    for (const round of rounds) {
      const voter = await this.voterIn(round, mpUserId, member, paths);
      if (voter) mine.push(await this.toMine(round, voter));
    }
    return mine;
  }

  private async addressed(mpUserId: string, id: string): Promise<{ round: AppraisalRound; voter: Voter }> {
    const round = await this.dataSource.getRepository(AppraisalRound).findOneBy({ id });
    if (!round) throw notFound();
    const member = await this.memberOf(mpUserId);
    const voter = await this.voterIn(round, mpUserId, member, await this.places.pathsOf(mpUserId));
    if (!voter) throw notFound();
    return { round, voter };
  }

  async get(mpUserId: string, id: string): Promise<MyAppraisalRoundVO> {
    const { round, voter } = await this.addressed(mpUserId, id);
    return this.toMine(round, voter);
  }

  async vote(mpUserId: string, id: string, ballot: AppraisalBallotInput): Promise<MyAppraisalRoundVO> {
    const { round, voter } = await this.addressed(mpUserId, id);
    if (round.status !== 'open' || surveyPhase(round, todayInShanghai()) !== 'open')
      throw new AppError('CONFLICT', round.status === 'closed' ? '本次评议已结束' : '本次评议未在投票时间内');
    const subjects = new Set(
      (await this.dataSource.getRepository(AppraisalSubject).findBy({ roundId: id })).map((s) => s.memberId),
    );
    const seen = new Set<string>();
    ballot.votes.forEach((v, i) => {
      if (!subjects.has(v.memberId) || v.memberId === voter.memberId)
        throw invalid(`votes.${i}.memberId`, '该党员不在本次评议名单中');
      if (seen.has(v.memberId)) throw invalid(`votes.${i}.memberId`, '同一名党员只能评一次');
      seen.add(v.memberId);
      const refusal = appraisalVoteRefusal(appraisalGradeScores[v.grade]);
      if (refusal) throw invalid(`votes.${i}.grade`, refusal);
    });
    try {
      await this.dataSource.transaction(async (em) => {
        for (const v of ballot.votes) {
          await em.insert(AppraisalBallot, {
            roundId: id,
            memberId: v.memberId,
            voterKey: voter.key,
            voterGroup: voter.group,
          });
          await em.insert(AppraisalVote, {
            id: randomUUID(),
            roundId: id,
            memberId: v.memberId,
            voterGroup: voter.group,
            grade: v.grade,
            score: appraisalGradeScores[v.grade],
          });
        }
      });
    } catch (err) {
      const again = await this.dataSource
        .getRepository(AppraisalBallot)
        .createQueryBuilder('b')
        .where('b.round_id = :id AND b.voter_key = :key', { id, key: voter.key })
        .andWhere('b.member_id IN (:...ids)', { ids: ballot.votes.map((v) => v.memberId) })
        .getCount();
      if (again > 0) throw new AppError('CONFLICT', '您已评议过其中的党员，每名党员只能评一次');
      throw err;
    }
    return this.toMine(round, voter);
  }

  private async toMine(round: AppraisalRound, voter: Voter): Promise<MyAppraisalRoundVO> {
    const subjects = (await this.dataSource.getRepository(AppraisalSubject).findBy({ roundId: round.id })).filter(
      (s) => s.memberId !== voter.memberId,
    );
    const voted = new Set(
      (await this.dataSource.getRepository(AppraisalBallot).findBy({ roundId: round.id, voterKey: voter.key })).map(
        (b) => b.memberId,
      ),
    );
    const names = await this.views.namesOf(subjects.map((s) => s.memberId));
    const orgName = (await this.dataSource.getRepository(PartyOrg).findOneBy({ id: round.orgId }))?.name ?? '';
    const appraisees = subjects
      .map((s) => ({ memberId: s.memberId, name: names.get(s.memberId) ?? '', voted: voted.has(s.memberId) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
    return {
      id: round.id,
      title: round.title,
      period: round.period,
      orgName,
      opensOn: round.opensOn,
      closesOn: round.closesOn,
      phase: surveyPhase(round, todayInShanghai()),
      group: voter.group,
      appraisees,
      done: appraisees.every((a) => a.voted),
    };
  }
}
