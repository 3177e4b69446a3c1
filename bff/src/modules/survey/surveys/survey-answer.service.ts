import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { Brackets, DataSource } from 'typeorm';
import { surveyPhase } from '@zhili/shared';
import type { MySurveyVO, SurveyAnswerInput } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import { DomainEvents } from '../../../core/events';
import { needsPrefixRange } from '../../../core/scope/data-scope';
import type { Page } from '../../../core/scope/scoped-repository';
import { MemberAccountService } from '../../party';
import type { PartyMember } from '../../party';
import { todayInShanghai } from '../../registry';
import { ResidentPlacesService } from '../common/resident-places.service';
import { SurveyAdminService } from './survey-admin.service';
import { checkAnswers } from './survey-answers';
import { SurveyAnsweredEvent, surveyAnsweredKey } from './survey-events';
import { Survey, SurveyRespondent, SurveyResponse } from './survey.entity';

const notFound = () => new AppError('NOT_FOUND', '问卷不存在或您不在本次调查范围内');
const ANSWERED = '您已提交过，每人只能提交一次';

/** Who answers: a member (members' surveys) or a resident (consultations). */
type Respondent =
  { kind: 'member'; member: PartyMember; mpUserId: string } | { kind: 'resident'; mpUserId: string; paths: string[] };

/**
 * Answering in the mini-program: members their surveys, residents their village's or community's
 * consultations. A survey outside the person's audience, or not published, is not found (404).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class SurveyAnswerService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private accounts!: MemberAccountService;

  @Inject()
  private places!: ResidentPlacesService;

  @Inject()
  private surveys!: SurveyAdminService;

  @Inject()
  private events!: DomainEvents;

  async asMember(mpUserId: string): Promise<Respondent> {
    const member = await this.accounts.memberOf(mpUserId);
    if (member.status !== 'active') throw new AppError('NOT_FOUND', '您的党员档案当前不在册');
    return { kind: 'member', member, mpUserId };
  }

  async asResident(mpUserId: string): Promise<Respondent> {
    return { kind: 'resident', mpUserId, paths: await this.places.pathsOf(mpUserId) };
  }

  private keyOf(who: Respondent): string {
    return who.kind === 'member' ? `member:${who.member.id}` : `mp:${who.mpUserId}`;
  }

  /** Published or closed surveys addressed to the person: open ones first, then the newest. */
  async list(who: Respondent, q: { page: number; pageSize: number }): Promise<Page<MySurveyVO>> {
    const qb = this.dataSource
      .getRepository(Survey)
      .createQueryBuilder('s')
      .where('s.status IN (:...visible)', { visible: ['published', 'closed'] });
    if (who.kind === 'member') {
      // The survey's organisation is the member's own or one above it: its path is a prefix of theirs.
      qb.andWhere("s.audience = 'members'").andWhere(':memberPath LIKE ' + concatLike(this.dataSource, 's.org_path'), {
        memberPath: who.member.orgPath,
      });
    } else {
      qb.andWhere("s.audience = 'residents'").andWhere(
        who.paths.length
          ? new Brackets((or) =>
              who.paths.forEach((p, i) =>
                or.orWhere(`:place${i} LIKE ${concatLike(this.dataSource, 's.region_path')}`, { [`place${i}`]: p }),
              ),
            )
          : '1 = 0',
      );
    }
    const today = todayInShanghai();
    const [items, total] = await qb
      .orderBy('s.status', 'DESC')
      .addOrderBy('s.closes_on', 'DESC')
      .addOrderBy('s.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items: await this.toMine(who, items, today), total };
  }

  async get(who: Respondent, id: string): Promise<MySurveyVO> {
    const survey = await this.addressed(who, id);
    return (await this.toMine(who, [survey], todayInShanghai()))[0];
  }

  private async addressed(who: Respondent, id: string): Promise<Survey> {
    const survey = await this.dataSource.getRepository(Survey).findOneBy({ id });
    if (!survey || survey.status === 'draft') throw notFound();
    const reaches =
      who.kind === 'member'
        ? survey.audience === 'members' && who.member.orgPath.startsWith(survey.orgPath ?? '\u0000')
        : survey.audience === 'residents' && who.paths.some((p) => p.startsWith(survey.regionPath ?? '\u0000'));
    if (!reaches) throw notFound();
    return survey;
  }

  /**
   * One response per person: the respondent row (primary key survey × person) and the response are
   * written in one transaction, so a second submit — also a concurrent one — fails on the key (409).
   * An anonymous survey's response carries no person id.
   */
  async answer(who: Respondent, id: string, input: SurveyAnswerInput, now = new Date()): Promise<void> {
    const survey = await this.addressed(who, id);
    const today = todayInShanghai(now);
    const phase = surveyPhase(survey, today);
    if (phase === 'upcoming') throw new AppError('CONFLICT', `本次调查 ${survey.opensOn} 开始，请到时再来`);
    if (phase === 'ended') throw new AppError('CONFLICT', '本次调查已结束，不能再提交');
    const answers = checkAnswers(survey.questions, input);
    const key = this.keyOf(who);
    if (await this.dataSource.getRepository(SurveyRespondent).existsBy({ surveyId: id, respondentKey: key }))
      throw new AppError('CONFLICT', ANSWERED);
    const memberId = who.kind === 'member' ? who.member.id : null;
    try {
      await this.dataSource.transaction(async (em) => {
        await em.insert(SurveyRespondent, { surveyId: id, respondentKey: key });
        await em.insert(SurveyResponse, {
          id: randomUUID(),
          surveyId: id,
          memberId: survey.anonymous ? null : memberId,
          mpUserId: survey.anonymous ? null : who.mpUserId,
          answers,
          submittedOn: today,
        });
        await em
          .createQueryBuilder()
          .update(Survey)
          .set({ responseCount: () => 'response_count + 1' })
          .where('id = :id', { id })
          .execute();
        await this.events.append(em, SurveyAnsweredEvent, { surveyId: id, memberId }, surveyAnsweredKey(id, key));
      });
    } catch (err) {
      if (await this.dataSource.getRepository(SurveyRespondent).existsBy({ surveyId: id, respondentKey: key }))
        throw new AppError('CONFLICT', ANSWERED);
      throw err;
    }
    this.events.kick();
  }

  private async toMine(who: Respondent, surveys: readonly Survey[], today: string): Promise<MySurveyVO[]> {
    if (surveys.length === 0) return [];
    const key = this.keyOf(who);
    const answered = new Set(
      (
        await this.dataSource
          .getRepository(SurveyRespondent)
          .createQueryBuilder('r')
          .where('r.respondent_key = :key AND r.survey_id IN (:...ids)', { key, ids: surveys.map((s) => s.id) })
          .getMany()
      ).map((r) => r.surveyId),
    );
    const names = await this.surveys.targetNames(surveys);
    return surveys.map((s) => ({
      id: s.id,
      title: s.title,
      description: s.description,
      targetName: names.get(s.id) ?? '',
      anonymous: !!s.anonymous,
      opensOn: s.opensOn,
      closesOn: s.closesOn,
      phase: surveyPhase(s, today),
      answered: answered.has(s.id),
      questions: s.questions,
    }));
  }
}

/** `<column> || '%'` on each database (the column is a prefix of the bound value). */
function concatLike(ds: DataSource, column: string): string {
  return needsPrefixRange(ds) ? `(${column} || '%')` : `CONCAT(${column}, '%')`;
}
