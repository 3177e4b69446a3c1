import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { randomUUID } from 'crypto';
import type { EntityManager } from 'typeorm';
import { examLimits } from '@zhili/shared';
import { ExamWrongAnswer } from './exam-wrong-answer.entity';

/**
 * The wrong-answer book's bookkeeping: a wrong answer (practice or exam) puts a question in or resets
 * its streak; a right one in practice counts towards taking it out.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class WrongBookService {
  readonly clearAfter = examLimits.wrongBookClearAfter;

  async wrong(m: EntityManager, memberId: string, questionIds: readonly string[], now: Date): Promise<void> {
    const repo = m.getRepository(ExamWrongAnswer);
    for (const questionId of new Set(questionIds)) {
      const entry = await repo.findOneBy({ memberId, questionId });
      if (entry) {
        await repo.update(
          { id: entry.id },
          { wrongCount: entry.wrongCount + 1, rightStreak: 0, lastWrongAt: now.toISOString() },
        );
      } else {
        await repo.insert({
          id: randomUUID(),
          memberId,
          questionId,
          wrongCount: 1,
          rightStreak: 0,
          lastWrongAt: now.toISOString(),
        });
      }
    }
  }

  /** A right answer in practice: answers whether the question is still in the book. */
  async right(m: EntityManager, memberId: string, questionId: string): Promise<boolean> {
    const repo = m.getRepository(ExamWrongAnswer);
    const entry = await repo.findOneBy({ memberId, questionId });
    if (!entry) return false;
    if (entry.rightStreak + 1 >= this.clearAfter) {
      await repo.delete({ id: entry.id });
      return false;
    }
    await repo.update({ id: entry.id }, { rightStreak: entry.rightStreak + 1 });
    return true;
  }
}
