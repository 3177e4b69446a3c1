import { optionId, type BankQuestionInput, type BankQuestionVO, type MemberQuestionVO } from '@zhili/shared';
import type { ExamQuestion, StoredOption } from './exam-question.entity';

/** The stored options of a form's choice list: lettered A, B… in the order written. */
export function storedOptions(input: Pick<BankQuestionInput, 'type' | 'options'>): StoredOption[] {
  if (input.type !== 'single' && input.type !== 'multiple') return [];
  return input.options.map((o, i) => ({ id: optionId(i), text: o.text.trim(), correct: o.correct }));
}

export function blankCountOf(q: Pick<ExamQuestion, 'answerKey'>): number {
  return q.answerKey.type === 'fill' ? q.answerKey.blanks.length : 0;
}

/** A bank question for staff (with its key). */
export function toBankQuestionVO(q: ExamQuestion, orgName: string, editable: boolean): BankQuestionVO {
  const key = q.answerKey;
  return {
    id: q.id,
    orgId: q.orgId,
    orgName,
    category: q.category,
    difficulty: q.difficulty,
    type: q.type,
    stem: q.stem,
    options: q.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct })),
    truth: key.type === 'true_false' ? key.value : null,
    blanks: key.type === 'fill' ? key.blanks.map((b) => [...b]) : [],
    partialCredit: (key.type === 'multiple' || key.type === 'fill') && !!key.partialCredit,
    explanation: q.explanation,
    key: key.type === 'multiple' || key.type === 'fill' ? { ...key, partialCredit: !!key.partialCredit } : key,
    editable,
    updatedAt: q.updatedAt.toISOString(),
  } as BankQuestionVO;
}

/**
 * A question as a member sees it before answering: no key and no right flags, options in the order
 * given (`optionOrder`, the attempt's shuffle) or as written.
 */
export function toMemberQuestion(q: ExamQuestion, points: number, optionOrder?: readonly string[]): MemberQuestionVO {
  const byId = new Map(q.options.map((o) => [o.id, o]));
  const order = optionOrder ?? q.options.map((o) => o.id);
  return {
    id: q.id,
    type: q.type,
    category: q.category,
    stem: q.stem,
    options: order.flatMap((id) => {
      const o = byId.get(id);
      return o ? [{ id: o.id, text: o.text }] : [];
    }),
    blankCount: blankCountOf(q),
    points,
  };
}
