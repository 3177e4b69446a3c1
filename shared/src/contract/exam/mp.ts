import { examLimits as L } from '../../domain/exam-bank';
import { defineRoute } from '../define';
import { pageQuery, pathId, qIntOr, qText } from '../fields';
import { qEnum } from '../registry/common';
import { z } from '../zod';
import { answerKeySchema, examRef, examResponseSchema, memberQuestionSchema, examQuestionTypes } from './common';
import { examStates } from './exams';

const TAG = '小程序 · 在线考试';

/** An exam in my list: its window, my attempts and best score. */
export const myExamSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  orgName: z.string(),
  state: z.enum(examStates),
  opensAt: z.string(),
  closesAt: z.string().nullable(),
  timeLimitMinutes: z.number().int(),
  questionCount: z.number().int(),
  maxScore: z.number().int(),
  passMark: z.number().int(),
  attemptsAllowed: z.number().int().nullable(),
  attemptsUsed: z.number().int(),
  bestScore: z.number().int().nullable(),
  passed: z.boolean(),
  /** An attempt still running (resume it with `start`). */
  runningAttemptId: z.string().nullable(),
  /** My latest graded attempt (its result page). */
  lastAttemptId: z.string().nullable(),
  /** Whether `start` would begin or resume now; else why not (Chinese). */
  canStart: z.boolean(),
  refusal: z.string().nullable(),
});
export type MyExamVO = z.infer<typeof myExamSchema>;

/** A running attempt: the shuffled paper without any key, what I saved, the server's time left. */
export const attemptPaperSchema = z.object({
  attemptId: z.string(),
  examId: z.string(),
  title: z.string(),
  attemptNo: z.number().int(),
  startedAt: z.string(),
  deadline: z.string(),
  remainingSeconds: z.number().int(),
  maxScore: z.number().int(),
  questions: z.array(memberQuestionSchema),
  /** Saved responses by question id. */
  responses: z.record(z.string(), examResponseSchema),
});
export type AttemptPaperVO = z.infer<typeof attemptPaperSchema>;

/** A graded attempt: score, pass, and per question my response, the key and the explanation. */
export const attemptResultSchema = z.object({
  attemptId: z.string(),
  examId: z.string(),
  title: z.string(),
  attemptNo: z.number().int(),
  score: z.number().int(),
  maxScore: z.number().int(),
  passMark: z.number().int(),
  passed: z.boolean(),
  /** `expired`: time ran out and what was saved was graded. */
  endedBy: z.enum(['submitted', 'expired']),
  submittedAt: z.string(),
  timeUsedSeconds: z.number().int(),
  questions: z.array(
    memberQuestionSchema.extend({
      response: examResponseSchema.nullable(),
      score: z.number().int(),
      correct: z.boolean(),
      key: answerKeySchema,
      explanation: z.string().nullable(),
    }),
  ),
});
export type AttemptResultVO = z.infer<typeof attemptResultSchema>;

/** The right answer of a practice question, sent only after it was answered. */
export const practiceFeedbackSchema = z.object({
  questionId: z.string(),
  correct: z.boolean(),
  key: answerKeySchema,
  explanation: z.string().nullable(),
  /** Whether the question is (still) in my wrong-answer book after this answer. */
  inWrongBook: z.boolean(),
});
export type PracticeFeedbackVO = z.infer<typeof practiceFeedbackSchema>;

export const wrongBookEntrySchema = z.object({
  question: memberQuestionSchema,
  key: answerKeySchema,
  explanation: z.string().nullable(),
  wrongCount: z.number().int(),
  /** Right answers in a row since the last wrong one (the question leaves the book at `clearAfter`). */
  rightStreak: z.number().int(),
  clearAfter: z.number().int(),
  lastWrongAt: z.string(),
});
export type WrongBookEntryVO = z.infer<typeof wrongBookEntrySchema>;

const byId = z.object({ id: pathId() });

export const mpExamRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/mp/exams',
    summary: '我的考试（进行中、未开始、已结束，含我的最高分）',
    tag: TAG,
    audience: 'mp',
    response: z.array(myExamSchema),
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/mp/exams/:id',
    summary: '考试说明（时长、题数、及格分、我的次数）',
    tag: TAG,
    audience: 'mp',
    params: byId,
    response: myExamSchema,
  }),
  start: defineRoute({
    method: 'POST',
    path: '/api/mp/exams/:id/attempts',
    summary: '开始考试或继续未交的答卷（剩余时间以服务器为准）',
    tag: TAG,
    audience: 'mp',
    params: byId,
    response: attemptPaperSchema,
  }),
  saveAnswer: defineRoute({
    method: 'PUT',
    path: '/api/mp/exams/attempts/:id/answers',
    summary: '保存一道题的作答（每答一题保存一次）',
    tag: TAG,
    audience: 'mp',
    params: byId,
    body: z.strictObject({ questionId: examRef('缺少题目'), response: examResponseSchema.nullable() }),
    response: z.object({ remainingSeconds: z.number().int() }),
  }),
  submit: defineRoute({
    method: 'POST',
    path: '/api/mp/exams/attempts/:id/submit',
    summary: '交卷（超时交卷不予接收；交卷后返回成绩与答案解析）',
    tag: TAG,
    audience: 'mp',
    params: byId,
    response: attemptResultSchema,
  }),
  result: defineRoute({
    method: 'GET',
    path: '/api/mp/exams/attempts/:id',
    summary: '答卷成绩与解析（已交卷或时间已到的答卷）',
    tag: TAG,
    audience: 'mp',
    params: byId,
    response: attemptResultSchema,
  }),
  practiceCategories: defineRoute({
    method: 'GET',
    path: '/api/mp/exams/practice/categories',
    summary: '练习题分类及题数',
    tag: TAG,
    audience: 'mp',
    response: z.array(z.object({ category: z.string(), count: z.number().int() })),
  }),
  practice: defineRoute({
    method: 'GET',
    path: '/api/mp/exams/practice/questions',
    summary: '练习题（按分类或随机 N 道；from=wrong 从错题本中练）',
    tag: TAG,
    audience: 'mp',
    query: z.object({
      category: qText(L.category.max),
      type: qEnum(examQuestionTypes),
      count: qIntOr(L.practice.min, L.practice.max, L.practice.default),
      from: qEnum(['bank', 'wrong']),
    }),
    response: z.array(memberQuestionSchema),
  }),
  practiceAnswer: defineRoute({
    method: 'POST',
    path: '/api/mp/exams/practice/answers',
    summary: '提交一道练习题的作答，返回对错与答案解析；答错记入错题本',
    tag: TAG,
    audience: 'mp',
    body: z.strictObject({ questionId: examRef('缺少题目'), response: examResponseSchema }),
    response: practiceFeedbackSchema,
  }),
  wrongBook: defineRoute({
    method: 'GET',
    path: '/api/mp/exams/practice/wrong-book',
    summary: '我的错题本',
    tag: TAG,
    audience: 'mp',
    query: z.object(pageQuery()),
    response: wrongBookEntrySchema,
    list: true,
  }),
};
