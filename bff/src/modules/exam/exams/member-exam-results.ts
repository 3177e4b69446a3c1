import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In, Not, IsNull } from 'typeorm';
import { shanghaiDate } from '@zhili/shared';
import { ExamAttempt } from '../attempts/exam-attempt.entity';
import { Exam } from './exam.entity';

/** A member's result in one exam: the best graded attempt that ended in the period. */
export interface MemberExamResult {
  memberId: string;
  examId: string;
  examTitle: string;
  bestScore: number;
  maxScore: number;
  passMark: number;
  passed: boolean;
  attempts: number;
}

/**
 * Exam results of given members for other modules' reports (the party school's study report): read
 * only, by member id, so the caller keeps its own party scope. Periods are Beijing days of when the
 * attempt ended.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MemberExamResults {
  @InjectDataSource()
  private dataSource!: DataSource;

  async forMembers(memberIds: readonly string[], period: { from: string; to: string }): Promise<MemberExamResult[]> {
    const attempts: ExamAttempt[] = [];
    for (let i = 0; i < memberIds.length; i += 500) {
      attempts.push(
        ...(await this.dataSource.getRepository(ExamAttempt).find({
          where: { memberId: In(memberIds.slice(i, i + 500)), endedAt: Not(IsNull()), score: Not(IsNull()) },
          select: { examId: true, memberId: true, score: true, maxScore: true, passed: true, endedAt: true },
        })),
      );
    }
    const inPeriod = attempts.filter((a) => {
      const day = shanghaiDate(new Date(a.endedAt as string));
      return day >= period.from && day <= period.to;
    });
    const exams = new Map(
      (await this.dataSource.getRepository(Exam).findBy({ id: In([...new Set(inPeriod.map((a) => a.examId))]) })).map(
        (e) => [e.id, e],
      ),
    );
    const best = new Map<string, MemberExamResult>();
    for (const a of inPeriod) {
      const exam = exams.get(a.examId);
      if (!exam) continue;
      const key = `${a.memberId}:${a.examId}`;
      const seen = best.get(key);
      const score = a.score as number;
      if (!seen || score > seen.bestScore)
        best.set(key, {
          memberId: a.memberId,
          examId: a.examId,
          examTitle: exam.title,
          bestScore: score,
          maxScore: a.maxScore,
          passMark: exam.passMark,
          passed: a.passed || (seen?.passed ?? false),
          attempts: (seen?.attempts ?? 0) + 1,
        });
      else best.set(key, { ...seen, passed: seen.passed || a.passed, attempts: seen.attempts + 1 });
    }
    return [...best.values()];
  }
}
