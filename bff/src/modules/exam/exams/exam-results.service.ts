import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In, IsNull, Not } from 'typeorm';
import { examLimits, mostChosenWrong, scoreBuckets } from '@zhili/shared';
import type { ExamAnalysisVO, ExamResponse, ExamResultVO } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { Acting, AuditActorService } from '../../../core/audit';
import { inPartyScope, type PartyScope } from '../../party';
import { writeXlsx } from '../../registry';
import { AttemptGradingService } from '../attempts/attempt-grading.service';
import { ExamAttempt } from '../attempts/exam-attempt.entity';
import { ExamQuestion } from '../bank/exam-question.entity';
import { ExamClock } from '../exam-clock';
import { ExamOrgsService } from '../exam-orgs.service';
import { Exam } from './exam.entity';
import { questionCountOf } from './exam.service';
import { ExamService } from './exam.service';

const usedSeconds = (a: ExamAttempt) =>
  Math.max(
    0,
    Math.floor(
      (Math.min(Date.parse(a.endedAt ?? a.deadline), Date.parse(a.deadline)) - Date.parse(a.startedAt)) / 1000,
    ),
  );

/**
 * A teacher's view of an exam: each member's best result, the score distribution and the item
 * analysis, always limited to members in the caller's own party scope (a town exam seen by a branch
 * secretary shows that branch's members only).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class ExamResultsService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private exams!: ExamService;

  @Inject()
  private orgs!: ExamOrgsService;

  @Inject()
  private grading!: AttemptGradingService;

  @Inject()
  private clock!: ExamClock;

  @Inject()
  private audit!: AuditActorService;

  /** The exam and its ended attempts of members in scope (expired ones graded first). */
  private async ended(
    principal: Principal,
    examId: string,
  ): Promise<{ exam: Exam; scope: PartyScope; attempts: ExamAttempt[] }> {
    const scope = await this.orgs.scopeOf(principal);
    const exam = await this.exams.readable(scope, examId);
    const now = this.clock.now();
    const cutoff = new Date(now - examLimits.graceSeconds * 1000).toISOString();
    const overdue = await this.dataSource
      .getRepository(ExamAttempt)
      .createQueryBuilder('a')
      .where('a.exam_id = :id AND a.ended_by IS NULL AND a.deadline < :cutoff', { id: exam.id, cutoff })
      .getMany();
    await this.grading.settleExpired(exam, overdue, now);
    const attempts = await this.dataSource
      .getRepository(ExamAttempt)
      .find({ where: { examId: exam.id, endedBy: Not(IsNull()) }, order: { attemptNo: 'ASC' } });
    return { exam, scope, attempts: attempts.filter((a) => inPartyScope(scope, a.orgPath)) };
  }

  private async rows(principal: Principal, examId: string) {
    const { exam, attempts } = await this.ended(principal, examId);
    const byMember = new Map<string, ExamAttempt[]>();
    for (const a of attempts) byMember.set(a.memberId, [...(byMember.get(a.memberId) ?? []), a]);
    const names = await this.orgs.memberNames([...byMember.keys()]);
    const orgNames = await this.orgs.orgNamesByPath(attempts.map((a) => a.orgPath));
    const rows: ExamResultVO[] = [...byMember].map(([memberId, list]) => {
      const best = list.reduce((b, a) => ((a.score ?? 0) > (b.score ?? 0) ? a : b));
      return {
        memberId,
        memberName: names.get(memberId) ?? '',
        orgName: orgNames.get(best.orgPath) ?? '',
        attempts: list.length,
        bestScore: best.score ?? 0,
        passed: list.some((a) => a.passed),
        timeUsedSeconds: usedSeconds(best),
        submittedAt: best.endedAt,
      };
    });
    rows.sort((a, b) => (b.bestScore ?? 0) - (a.bestScore ?? 0) || a.memberName.localeCompare(b.memberName, 'zh'));
    return { exam, rows };
  }

  async results(principal: Principal, examId: string, page: number, pageSize: number) {
    const { rows } = await this.rows(principal, examId);
    return { items: rows.slice((page - 1) * pageSize, page * pageSize), total: rows.length };
  }

  async analysis(principal: Principal, examId: string): Promise<ExamAnalysisVO> {
    const { exam, attempts } = await this.ended(principal, examId);
    const maxScore = questionCountOf(exam) * exam.pointsEach;
    const best = new Map<string, number>();
    const passedMembers = new Set<string>();
    for (const a of attempts) {
      best.set(a.memberId, Math.max(best.get(a.memberId) ?? 0, a.score ?? 0));
      if (a.passed) passedMembers.add(a.memberId);
    }
    const scores = [...best.values()];
    const perQuestion = new Map<string, { answered: number; right: number; responses: (ExamResponse | null)[] }>();
    for (const a of attempts) {
      for (const p of a.paper) {
        const item = perQuestion.get(p.id) ?? { answered: 0, right: 0, responses: [] };
        item.answered += 1;
        if (a.graded?.[p.id]?.correct) item.right += 1;
        item.responses.push(a.responses[p.id] ?? null);
        perQuestion.set(p.id, item);
      }
    }
    const ids = [...perQuestion.keys()];
    const questions = ids.length ? await this.dataSource.getRepository(ExamQuestion).findBy({ id: In(ids) }) : [];
    const items = questions.map((q) => {
      const item = perQuestion.get(q.id)!;
      const wrong = mostChosenWrong(
        q.answerKey,
        q.options.map((o) => o.id),
        item.responses,
      );
      return {
        questionId: q.id,
        stem: q.stem,
        type: q.type,
        category: q.category,
        answered: item.answered,
        rightPermille: item.answered ? Math.round((item.right * 1000) / item.answered) : 0,
        mostChosenWrong: wrong
          ? {
              optionId: wrong.optionId,
              text: q.options.find((o) => o.id === wrong.optionId)?.text ?? '',
              count: wrong.count,
            }
          : null,
      };
    });
    // Hardest first: what the teacher should go over again.
    items.sort((a, b) => a.rightPermille - b.rightPermille || a.stem.localeCompare(b.stem, 'zh'));
    return {
      examId: exam.id,
      maxScore,
      passMark: exam.passMark,
      members: best.size,
      passed: passedMembers.size,
      averageScore: scores.length ? Math.round((scores.reduce((s, x) => s + x, 0) / scores.length) * 10) / 10 : null,
      distribution: scoreBuckets(scores, maxScore),
      items,
    };
  }

  async exportXlsx(acting: Acting, examId: string): Promise<{ buffer: Buffer; title: string }> {
    const { exam, rows } = await this.rows(acting.actor, examId);
    const buffer = await writeXlsx(
      '考试成绩',
      [
        { header: '姓名', width: 12 },
        { header: '党组织', width: 22 },
        { header: '考试次数', width: 10 },
        { header: '最高分', width: 10 },
        { header: '是否及格', width: 10 },
        { header: '用时（分钟）', width: 12 },
        { header: '交卷时间', width: 22 },
      ],
      async (add) => {
        for (const r of rows)
          add([
            r.memberName,
            r.orgName,
            r.attempts,
            r.bestScore,
            r.passed ? '及格' : '不及格',
            Math.ceil((r.timeUsedSeconds ?? 0) / 60),
            r.submittedAt
              ? new Date(Date.parse(r.submittedAt) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
              : '',
          ]);
      },
    );
    await this.audit.record(acting, {
      action: 'party.exam.results.export',
      resourceType: 'exam',
      resourceId: exam.id,
      result: 'success',
      detail: { rows: String(rows.length) },
    });
    return { buffer, title: exam.title };
  }
}
