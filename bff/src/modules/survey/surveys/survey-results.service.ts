import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import { surveyQuestionKindLabels } from '@zhili/shared';
import type { SurveyResultsVO } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import type { Acting } from '../../../core/audit';
import { MpUser } from '../../mp-user';
import { MemberPeopleService, PartyMember } from '../../party';
import { writeXlsx } from '../../registry';
import { SurveyAdminService } from './survey-admin.service';
import { tallyResults } from './survey-answers';
import { Survey, SurveyResponse } from './survey.entity';

/** Results of a survey for the portal (tallies, texts) and their xlsx export. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class SurveyResultsService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private surveys!: SurveyAdminService;

  @Inject()
  private people!: MemberPeopleService;

  async results(principal: Principal, id: string): Promise<SurveyResultsVO> {
    return this.resultsOf(await this.surveys.getInScope(principal, id));
  }

  private async resultsOf(survey: Survey): Promise<SurveyResultsVO> {
    const responses = await this.dataSource
      .getRepository(SurveyResponse)
      .createQueryBuilder('r')
      .where('r.survey_id = :id', { id: survey.id })
      .orderBy('r.submitted_on', 'ASC')
      .getMany();
    const names = survey.anonymous ? new Map<string, string>() : await this.namesOf(responses);
    return {
      surveyId: survey.id,
      responseCount: responses.length,
      questions: tallyResults(survey.questions, responses, names),
    };
  }

  /** Names of named respondents by response id: members as their file reads, residents by nickname. */
  private async namesOf(responses: readonly SurveyResponse[]): Promise<Map<string, string>> {
    const memberIds = [...new Set(responses.flatMap((r) => (r.memberId ? [r.memberId] : [])))];
    const userIds = [...new Set(responses.flatMap((r) => (r.mpUserId && !r.memberId ? [r.mpUserId] : [])))];
    const members = memberIds.length
      ? await this.dataSource.getRepository(PartyMember).findBy({ id: In(memberIds) })
      : [];
    const people = await this.people.describe(members);
    const users = userIds.length ? await this.dataSource.getRepository(MpUser).findBy({ id: In(userIds) }) : [];
    const nicknames = new Map(users.map((u) => [u.id, u.nickname]));
    const names = new Map<string, string>();
    for (const r of responses) {
      const name = r.memberId ? people.get(r.memberId)?.name : r.mpUserId ? nicknames.get(r.mpUserId) : undefined;
      if (name) names.set(r.id, name);
    }
    return names;
  }

  /** One row per option, rating score or text, under its question; audited. */
  async export(acting: Acting, id: string): Promise<{ buffer: Buffer; title: string }> {
    const survey = await this.surveys.getInScope(acting.actor, id);
    const results = await this.resultsOf(survey);
    const buffer = await writeXlsx(
      '统计结果',
      [
        { header: '题号', width: 8 },
        { header: '题目', width: 40 },
        { header: '题型', width: 14 },
        { header: '选项 / 分数 / 意见', width: 48 },
        { header: '人数', width: 10 },
        { header: '占比（%）', width: 12 },
        { header: '填写人', width: 14 },
      ],
      async (add) => {
        add([
          '',
          `${survey.title}（共 ${results.responseCount} 份${survey.anonymous ? '，匿名' : ''}）`,
          '',
          '',
          '',
          '',
          '',
        ]);
        results.questions.forEach((q, i) => {
          const head = [String(i + 1), q.title, surveyQuestionKindLabels[q.kind]];
          for (const o of q.options) add([...head, o.label, o.count, o.percent, '']);
          if (q.kind === 'rating') {
            q.ratingCounts.forEach((count, s) =>
              add([...head, `${s + 1} 分`, count, q.answered ? Math.round((count * 1000) / q.answered) / 10 : 0, '']),
            );
            add([...head, '平均分', q.ratingAverage ?? '', '', '']);
          }
          for (const t of q.texts) add([...head, t.text, '', '', t.name ?? (survey.anonymous ? '匿名' : '')]);
        });
      },
    );
    await this.surveys.record(acting, 'party.survey.results.export', id);
    return { buffer, title: survey.title };
  }
}
