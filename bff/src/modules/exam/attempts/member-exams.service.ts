import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In, IsNull, Not } from 'typeorm';
import { startAttemptDecision, type MyExamVO } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import type { PartyMember } from '../../party';
import { ExamClock } from '../exam-clock';
import { ExamOrgsService } from '../exam-orgs.service';
import { Exam } from '../exams/exam.entity';
import { questionCountOf, stateOf } from '../exams/exam.service';
import { AttemptGradingService } from './attempt-grading.service';
import { ExamAttempt } from './exam-attempt.entity';

/** Whether a member is in an exam's audience (their organisation under one of its paths). */
export const inAudience = (exam: Pick<Exam, 'audiencePaths'>, member: Pick<PartyMember, 'orgPath'>) =>
  exam.audiencePaths.some((p) => member.orgPath.startsWith(p));

/** The exams a member may see (published, in the audience) with their attempts and best score. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MemberExamsService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private clock!: ExamClock;

  @Inject()
  private grading!: AttemptGradingService;

  @Inject()
  private orgs!: ExamOrgsService;

  /** A published exam for this member; NOT_FOUND otherwise (another branch's exams cannot be probed). */
  async examFor(member: PartyMember, examId: string): Promise<Exam> {
    const exam = await this.dataSource.getRepository(Exam).findOneBy({ id: examId, publishedAt: Not(IsNull()) });
    if (!exam || !inAudience(exam, member)) throw new AppError('NOT_FOUND', '考试不存在或您不在参考范围内');
    return exam;
  }

  /** The member's attempts at `exam` in order, those whose time ran out graded first. */
  async settledAttempts(exam: Exam, memberId: string, now: number): Promise<ExamAttempt[]> {
    const attempts = await this.dataSource
      .getRepository(ExamAttempt)
      .find({ where: { examId: exam.id, memberId }, order: { attemptNo: 'ASC' } });
    return this.grading.settleExpired(exam, attempts, now);
  }

  async list(member: PartyMember): Promise<MyExamVO[]> {
    const published = await this.dataSource
      .getRepository(Exam)
      .find({ where: { publishedAt: Not(IsNull()) }, order: { opensAt: 'DESC' } });
    const exams = published.filter((e) => inAudience(e, member));
    return this.views(member, exams);
  }

  async get(member: PartyMember, examId: string): Promise<MyExamVO> {
    return (await this.views(member, [await this.examFor(member, examId)]))[0];
  }

  private async views(member: PartyMember, exams: readonly Exam[]): Promise<MyExamVO[]> {
    if (exams.length === 0) return [];
    const now = this.clock.now();
    const all = await this.dataSource
      .getRepository(ExamAttempt)
      .find({ where: { memberId: member.id, examId: In(exams.map((e) => e.id)) }, order: { attemptNo: 'ASC' } });
    const names = await this.orgs.orgNames(exams.map((e) => e.orgId));
    const out: MyExamVO[] = [];
    for (const exam of exams) {
      const attempts = await this.grading.settleExpired(
        exam,
        all.filter((a) => a.examId === exam.id),
        now,
      );
      const ended = attempts.filter((a) => a.endedBy);
      const best = ended.reduce<ExamAttempt | null>((b, a) => (!b || (a.score ?? 0) > (b.score ?? 0) ? a : b), null);
      const running = attempts.find((a) => !a.endedBy && Date.parse(a.deadline) > now) ?? null;
      const decision = startAttemptDecision(
        {
          opensAt: Date.parse(exam.opensAt),
          closesAt: exam.closesAt ? Date.parse(exam.closesAt) : null,
          attemptsAllowed: exam.attemptsAllowed,
        },
        attempts.map((a) => ({
          startedAt: Date.parse(a.startedAt),
          timeLimitSeconds: (Date.parse(a.deadline) - Date.parse(a.startedAt)) / 1000,
          submittedAt: a.endedAt ? Date.parse(a.endedAt) : null,
        })),
        now,
      );
      out.push({
        id: exam.id,
        title: exam.title,
        description: exam.description,
        orgName: names.get(exam.orgId) ?? '',
        state: stateOf(exam, now),
        opensAt: exam.opensAt,
        closesAt: exam.closesAt,
        timeLimitMinutes: exam.timeLimitMinutes,
        questionCount: questionCountOf(exam),
        maxScore: questionCountOf(exam) * exam.pointsEach,
        passMark: exam.passMark,
        attemptsAllowed: exam.attemptsAllowed,
        attemptsUsed: attempts.length,
        bestScore: best ? (best.score ?? 0) : null,
        passed: ended.some((a) => a.passed),
        runningAttemptId: running?.id ?? null,
        lastAttemptId: ended.length ? ended[ended.length - 1].id : null,
        canStart: decision.kind !== 'refused',
        refusal: decision.kind === 'refused' ? decision.reason : null,
      });
    }
    return out;
  }
}
