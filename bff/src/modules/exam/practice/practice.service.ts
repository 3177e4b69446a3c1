import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, In, IsNull } from 'typeorm';
import { gradeAnswer, responseFits, shuffleForAttempt } from '@zhili/shared';
import type {
  ExamCategoryCountVO,
  ExamResponse,
  MemberQuestionVO,
  PracticeFeedbackVO,
  QuestionType,
  WrongBookEntryVO,
} from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import type { PartyMember } from '../../party';
import { ExamQuestion } from '../bank/exam-question.entity';
import { blankCountOf, toMemberQuestion } from '../bank/question-views';
import { QuestionService } from '../bank/question.service';
import { ExamClock } from '../exam-clock';
import { ExamWrongAnswer } from './exam-wrong-answer.entity';
import { WrongBookService } from './wrong-book.service';

/**
 * Practice (练习) from the bank a member's organisation may use (its own and every one above it): a
 * question is sent without its key, the key comes back only with the feedback on the member's answer.
 * Wrong answers go into the wrong-answer book; right ones there count towards taking them out.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PracticeService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private questions!: QuestionService;

  @Inject()
  private wrongBook!: WrongBookService;

  @Inject()
  private clock!: ExamClock;

  async categories(member: PartyMember): Promise<ExamCategoryCountVO[]> {
    const counts = new Map<string, number>();
    for (const q of await this.questions.bankAt(member.orgPath))
      counts.set(q.category, (counts.get(q.category) ?? 0) + 1);
    return [...counts].sort(([a], [b]) => a.localeCompare(b, 'zh')).map(([category, count]) => ({ category, count }));
  }

  async questionsFor(
    member: PartyMember,
    q: { category?: string; type?: QuestionType; count: number; from?: 'bank' | 'wrong' },
  ): Promise<MemberQuestionVO[]> {
    let pool = await this.questions.bankAt(member.orgPath, q.category ? [q.category] : undefined);
    if (q.type) pool = pool.filter((x) => x.type === q.type);
    if (q.from === 'wrong') {
      const mine = await this.dataSource.getRepository(ExamWrongAnswer).findBy({ memberId: member.id });
      const ids = new Set(mine.map((w) => w.questionId));
      pool = pool.filter((x) => ids.has(x.id));
    }
    pool.sort((a, b) => a.id.localeCompare(b.id));
    const seed = randomUUID();
    return shuffleForAttempt(pool, seed)
      .slice(0, q.count)
      .map((x) => toMemberQuestion(x, 1));
  }

  async answer(member: PartyMember, questionId: string, response: ExamResponse): Promise<PracticeFeedbackVO> {
    const question = await this.dataSource
      .getRepository(ExamQuestion)
      .findOneBy({ id: questionId, deletedAt: IsNull() });
    if (!question || !member.orgPath.startsWith(question.orgPath)) throw new AppError('NOT_FOUND', '题目不存在');
    const fits = responseFits(
      { type: question.type, optionIds: question.options.map((o) => o.id), blankCount: blankCountOf(question) },
      response,
    );
    if (!fits) throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'response', message: '答案与题型不符' }]);
    const { correct } = gradeAnswer(question.answerKey, response, 1);
    const inWrongBook = await this.dataSource.transaction(async (m) => {
      if (correct) return this.wrongBook.right(m, member.id, question.id);
      await this.wrongBook.wrong(m, member.id, [question.id], new Date(this.clock.now()));
      return true;
    });
    return {
      questionId: question.id,
      correct,
      key: question.answerKey,
      explanation: question.explanation,
      inWrongBook,
    } as PracticeFeedbackVO;
  }

  async book(
    member: PartyMember,
    page: number,
    pageSize: number,
  ): Promise<{ items: WrongBookEntryVO[]; total: number }> {
    const [rows, total] = await this.dataSource.getRepository(ExamWrongAnswer).findAndCount({
      where: { memberId: member.id },
      order: { lastWrongAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    const ids = rows.map((r) => r.questionId);
    const questions = ids.length ? await this.dataSource.getRepository(ExamQuestion).findBy({ id: In(ids) }) : [];
    const byId = new Map(questions.map((q) => [q.id, q]));
    const items = rows.flatMap((r) => {
      const q = byId.get(r.questionId);
      if (!q) return [];
      return [
        {
          question: toMemberQuestion(q, 1),
          key: q.answerKey,
          explanation: q.explanation,
          wrongCount: r.wrongCount,
          rightStreak: r.rightStreak,
          clearAfter: this.wrongBook.clearAfter,
          lastWrongAt: r.lastWrongAt,
        } as WrongBookEntryVO,
      ];
    });
    return { items, total };
  }
}
