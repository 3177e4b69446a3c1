import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, In, IsNull } from 'typeorm';
import {
  acceptSubmission,
  attemptDeadline,
  drawPaper,
  examLimits,
  responseFits,
  shuffleForAttempt,
  startAttemptDecision,
} from '@zhili/shared';
import type { AttemptPaperVO, AttemptResultVO, ExamResponse } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import { InfraService } from '../../../core/infra/infra.service';
import type { PartyMember } from '../../party';
import { ExamQuestion } from '../bank/exam-question.entity';
import { blankCountOf } from '../bank/question-views';
import { QuestionService } from '../bank/question.service';
import { ExamClock } from '../exam-clock';
import { Exam } from '../exams/exam.entity';
import { AttemptGradingService } from './attempt-grading.service';
import { toPaperVO, toResultVO } from './attempt-views';
import { ExamAttempt, type PaperEntry } from './exam-attempt.entity';
import { MemberExamsService } from './member-exams.service';

const LOCK_MS = 10_000;

/**
 * A member's attempt on the server: start or resume (`startAttemptDecision`), the paper drawn and
 * shuffled from the attempt's seed, answers saved as they come, submission against the server clock
 * (`acceptSubmission`), grading. One lock per member and exam serialises all of it.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class AttemptService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private infra!: InfraService;

  @Inject()
  private clock!: ExamClock;

  @Inject()
  private questions!: QuestionService;

  @Inject()
  private grading!: AttemptGradingService;

  @Inject()
  private memberExams!: MemberExamsService;

  private locked<T>(examId: string, memberId: string, fn: () => Promise<T>): Promise<T> {
    return this.infra.infra.lock.withLock(`exam:attempt:${examId}:${memberId}`, LOCK_MS, LOCK_MS, fn);
  }

  async start(member: PartyMember, examId: string): Promise<AttemptPaperVO> {
    const exam = await this.memberExams.examFor(member, examId);
    return this.locked(exam.id, member.id, async () => {
      const now = this.clock.now();
      const attempts = await this.memberExams.settledAttempts(exam, member.id, now);
      const decision = startAttemptDecision(
        {
          opensAt: Date.parse(exam.opensAt),
          closesAt: exam.closesAt ? Date.parse(exam.closesAt) : null,
          attemptsAllowed: exam.attemptsAllowed,
        },
        attempts.map((a) => this.clockOf(a)),
        now,
      );
      if (decision.kind === 'refused') throw new AppError('CONFLICT', decision.reason);
      const attempt =
        decision.kind === 'resume'
          ? attempts[decision.attemptIndex]
          : await this.begin(exam, member, attempts.length + 1, now);
      return toPaperVO(exam, attempt, await this.questionsOf(attempt), now);
    });
  }

  async save(member: PartyMember, attemptId: string, questionId: string, response: ExamResponse | null) {
    const { attempt, exam } = await this.mine(member, attemptId);
    return this.locked(exam.id, member.id, async () => {
      const now = this.clock.now();
      const fresh = await this.dataSource.getRepository(ExamAttempt).findOneByOrFail({ id: attempt.id });
      this.assertOpen(fresh, now);
      if (!fresh.paper.some((p) => p.id === questionId))
        throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'questionId', message: '本试卷没有这道题' }]);
      if (response) {
        const q = await this.dataSource.getRepository(ExamQuestion).findOneByOrFail({ id: questionId });
        const fits = responseFits(
          { type: q.type, optionIds: q.options.map((o) => o.id), blankCount: blankCountOf(q) },
          response,
        );
        if (!fits)
          throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'response', message: '答案与题型不符' }]);
      }
      const responses = { ...fresh.responses, [questionId]: response };
      await this.dataSource.getRepository(ExamAttempt).update({ id: fresh.id, endedBy: IsNull() }, { responses });
      return { remainingSeconds: Math.max(0, Math.floor((Date.parse(fresh.deadline) - now) / 1000)) };
    });
  }

  async submit(member: PartyMember, attemptId: string): Promise<AttemptResultVO> {
    const { attempt, exam } = await this.mine(member, attemptId);
    return this.locked(exam.id, member.id, async () => {
      const now = this.clock.now();
      const fresh = await this.dataSource.getRepository(ExamAttempt).findOneByOrFail({ id: attempt.id });
      this.assertOpen(fresh, now);
      const graded = await this.grading.grade(exam, fresh, 'submitted', now);
      return toResultVO(exam, graded, await this.questionsOf(graded));
    });
  }

  /** The result of an ended attempt (one whose time ran out is graded now with what was saved). */
  async result(member: PartyMember, attemptId: string): Promise<AttemptResultVO> {
    const { attempt, exam } = await this.mine(member, attemptId);
    const [settled] = await this.grading.settleExpired(exam, [attempt], this.clock.now());
    if (!settled.endedBy) throw new AppError('CONFLICT', '考试还在进行中，交卷后才能查看成绩和答案');
    return toResultVO(exam, settled, await this.questionsOf(settled));
  }

  private assertOpen(attempt: ExamAttempt, now: number): void {
    const verdict = acceptSubmission(this.clockOf(attempt), now, examLimits.graceSeconds);
    if (!verdict.ok) throw new AppError('CONFLICT', verdict.reason);
  }

  private clockOf(a: ExamAttempt) {
    const startedAt = Date.parse(a.startedAt);
    return {
      startedAt,
      timeLimitSeconds: (Date.parse(a.deadline) - startedAt) / 1000,
      submittedAt: a.endedAt ? Date.parse(a.endedAt) : null,
    };
  }

  private async mine(member: PartyMember, attemptId: string): Promise<{ attempt: ExamAttempt; exam: Exam }> {
    const attempt = await this.dataSource.getRepository(ExamAttempt).findOneBy({ id: attemptId });
    if (!attempt || attempt.memberId !== member.id) throw new AppError('NOT_FOUND', '答卷不存在');
    const exam = await this.dataSource.getRepository(Exam).findOneByOrFail({ id: attempt.examId });
    return { attempt, exam };
  }

  /** A new attempt: its seed, its paper (drawn or fixed, shuffled), its deadline from the server clock. */
  private async begin(exam: Exam, member: PartyMember, attemptNo: number, now: number): Promise<ExamAttempt> {
    const id = randomUUID();
    const seed = randomUUID();
    let ids: string[];
    if (exam.paperKind === 'fixed') {
      const live = await this.dataSource
        .getRepository(ExamQuestion)
        .findBy({ id: In(exam.questionIds), deletedAt: IsNull() });
      const liveIds = new Set(live.map((q) => q.id));
      ids = shuffleForAttempt(
        exam.questionIds.filter((q) => liveIds.has(q)),
        seed,
      );
    } else {
      const bank = await this.questions.bankAt(
        exam.orgPath,
        exam.sections.map((s) => s.category),
      );
      const drawn = drawPaper(bank, exam.sections, seed);
      if (!drawn.ok)
        throw new AppError('CONFLICT', `题库题目不足，暂时无法开考：${drawn.reason}，请联系组织考试的党组织`);
      ids = drawn.questionIds;
    }
    if (ids.length === 0) throw new AppError('CONFLICT', '试卷没有可用的题目，请联系组织考试的党组织');
    const byId = new Map(
      (await this.dataSource.getRepository(ExamQuestion).findBy({ id: In(ids) })).map((q) => [q.id, q]),
    );
    const paper: PaperEntry[] = ids.map((qid) => ({ id: qid, points: exam.pointsEach, key: byId.get(qid)!.answerKey }));
    const deadline = attemptDeadline({
      startedAt: now,
      timeLimitSeconds: exam.timeLimitMinutes * 60,
      examClosesAt: exam.closesAt ? Date.parse(exam.closesAt) : null,
    });
    const attempt = this.dataSource.getRepository(ExamAttempt).create({
      id,
      examId: exam.id,
      memberId: member.id,
      orgPath: member.orgPath,
      attemptNo,
      seed,
      paper,
      responses: {},
      startedAt: new Date(now).toISOString(),
      deadline: new Date(deadline).toISOString(),
      endedAt: null,
      endedBy: null,
      score: null,
      maxScore: paper.reduce((sum, p) => sum + p.points, 0),
      passed: false,
      graded: null,
    });
    await this.dataSource.getRepository(ExamAttempt).insert(attempt);
    return this.dataSource.getRepository(ExamAttempt).findOneByOrFail({ id });
  }

  private async questionsOf(attempt: ExamAttempt): Promise<Map<string, ExamQuestion>> {
    const ids = attempt.paper.map((p) => p.id);
    const rows = ids.length ? await this.dataSource.getRepository(ExamQuestion).findBy({ id: In(ids) }) : [];
    return new Map(rows.map((q) => [q.id, q]));
  }
}
