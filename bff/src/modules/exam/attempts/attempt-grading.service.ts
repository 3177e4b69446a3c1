import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { examLimits, gradePaper, isPassed } from '@zhili/shared';
import { DomainEvents } from '../../../core/events';
import { ExamPassedEvent, examPassedKey } from '../exam-events';
import type { Exam } from '../exams/exam.entity';
import { WrongBookService } from '../practice/wrong-book.service';
import { ExamAttempt } from './exam-attempt.entity';

/**
 * Ends an attempt once: grades the saved responses against the paper's keys (`gradePaper`), records
 * the wrong ones in the member's book, and on a pass appends `exam.passed` — all in one transaction.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class AttemptGradingService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private events!: DomainEvents;

  @Inject()
  private wrongBook!: WrongBookService;

  /** Grades `attempt` as ended by `endedBy` at `now`; answers the stored row (as graded by whoever came first). */
  async grade(exam: Exam, attempt: ExamAttempt, endedBy: 'submitted' | 'expired', now: number): Promise<ExamAttempt> {
    const result = gradePaper(attempt.paper, attempt.responses);
    const passed = isPassed(result.total, exam.passMark);
    const endedAt = new Date(endedBy === 'expired' ? Math.min(now, Date.parse(attempt.deadline)) : now).toISOString();
    const graded = Object.fromEntries(
      result.answers.map((a) => [a.questionId, { score: a.score, correct: a.correct }]),
    );
    await this.dataSource.transaction(async (m) => {
      const updated = await m
        .getRepository(ExamAttempt)
        .update({ id: attempt.id, endedBy: IsNull() }, { endedAt, endedBy, score: result.total, passed, graded });
      if (!updated.affected) return;
      const wrong = result.answers.filter((a) => !a.correct && attempt.responses[a.questionId]);
      await this.wrongBook.wrong(
        m,
        attempt.memberId,
        wrong.map((a) => a.questionId),
        new Date(now),
      );
      if (passed) {
        await this.events.append(
          m,
          ExamPassedEvent,
          { memberId: attempt.memberId, examId: exam.id, attemptId: attempt.id },
          examPassedKey(attempt.id),
        );
      }
    });
    return this.dataSource.getRepository(ExamAttempt).findOneByOrFail({ id: attempt.id });
  }

  /** Grades, as expired, the attempts whose time and grace ran out without a submission. */
  async settleExpired(exam: Exam, attempts: ExamAttempt[], now: number): Promise<ExamAttempt[]> {
    const out: ExamAttempt[] = [];
    for (const a of attempts) {
      const over = !a.endedBy && now > Date.parse(a.deadline) + examLimits.graceSeconds * 1000;
      out.push(over ? await this.grade(exam, a, 'expired', now) : a);
    }
    return out;
  }
}
