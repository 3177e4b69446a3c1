import { examLimits as L, type Difficulty } from '../../domain/exam-bank';
import type { QuestionType } from '../../domain/exam-rules';
import { z } from '../zod';

/** Pieces the exam routes share: question types, a member's response, an answer key shown after grading. */

export const examQuestionTypes = [
  'single',
  'multiple',
  'true_false',
  'fill',
] as const satisfies readonly QuestionType[];
export const examDifficulties = ['easy', 'medium', 'hard'] as const satisfies readonly Difficulty[];

/** A member's answer to one question (the shape `gradeAnswer` takes). */
export const examResponseSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('single'), option: z.string().min(1).max(4) }),
    z.strictObject({ type: z.literal('multiple'), options: z.array(z.string().min(1).max(4)).max(L.options.max) }),
    z.strictObject({ type: z.literal('true_false'), value: z.boolean() }),
    z.strictObject({
      type: z.literal('fill'),
      blanks: z
        .array(z.string().max(L.acceptedText.max, { error: `每空不能超过 ${L.acceptedText.max} 个字` }))
        .max(L.blanks.max),
    }),
  ],
  { error: '答案格式不正确' },
);
export type ExamResponseVO = z.infer<typeof examResponseSchema>;

/** The right answer of a question, shown only once it was answered (practice) or submitted (exam). */
export const answerKeySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('single'), option: z.string() }),
  z.object({ type: z.literal('multiple'), options: z.array(z.string()), partialCredit: z.boolean().optional() }),
  z.object({ type: z.literal('true_false'), value: z.boolean() }),
  z.object({ type: z.literal('fill'), blanks: z.array(z.array(z.string())), partialCredit: z.boolean().optional() }),
]);
export type AnswerKeyVO = z.infer<typeof answerKeySchema>;

/** A question as a member sees it before answering: no key, no right flags. */
export const memberQuestionSchema = z.object({
  id: z.string(),
  type: z.enum(examQuestionTypes),
  category: z.string(),
  stem: z.string(),
  /** Options in this attempt's order; ids (A, B…) are the bank's, so a shuffled paper still grades. */
  options: z.array(z.object({ id: z.string(), text: z.string() })),
  /** Number of blanks of a 填空题 (0 otherwise). */
  blankCount: z.number().int(),
  points: z.number().int(),
});
export type MemberQuestionVO = z.infer<typeof memberQuestionSchema>;

/** An id in a body (question, organisation): ≤ 36 characters. */
export const examRef = (missing = '必填') =>
  z
    .string({ error: (issue) => (issue.input === undefined ? missing : undefined) })
    .trim()
    .min(1, { error: missing })
    .max(36);
