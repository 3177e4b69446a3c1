import { examLimits as L, type ExamState } from '../../domain/exam-bank';
import { Permission } from '../../domain/permissions';
import { defineRoute } from '../define';
import { pageQuery, pathId, qText } from '../fields';
import { qEnum } from '../registry/common';
import { z } from '../zod';
import { examRef, examQuestionTypes } from './common';

const TAG = '管理端 · 考试';

export const examStates = ['draft', 'upcoming', 'open', 'closed'] as const satisfies readonly ExamState[];
export const paperKinds = ['fixed', 'drawn'] as const;
export const audienceKinds = ['all', 'orgs'] as const;

const sectionSchema = z.strictObject({
  category: z.string().trim().min(1, { error: '请选择分类' }).max(L.category.max),
  count: z
    .number({ error: '请填写题数' })
    .int({ error: '题数应为整数' })
    .min(1, { error: '题数至少为 1' })
    .max(L.questions.max, { error: `题数不能超过 ${L.questions.max}` }),
});

export const examSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  paperKind: z.enum(paperKinds),
  questionIds: z.array(z.string()),
  sections: z.array(z.object({ category: z.string(), count: z.number().int() })),
  pointsEach: z.number().int(),
  questionCount: z.number().int(),
  maxScore: z.number().int(),
  passMark: z.number().int(),
  timeLimitMinutes: z.number().int(),
  /** null: unlimited. */
  attemptsAllowed: z.number().int().nullable(),
  opensAt: z.string(),
  closesAt: z.string().nullable(),
  audienceKind: z.enum(audienceKinds),
  audienceOrgIds: z.array(z.string()),
  state: z.enum(examStates),
  /** Attempts made so far (the paper cannot change once someone started). */
  attemptCount: z.number().int(),
  /** False for a higher organisation's exam (shown with its results for one's own members only). */
  editable: z.boolean(),
  createdAt: z.string(),
});
export type ExamVO = z.infer<typeof examSchema>;

export const examInputSchema = z
  .strictObject({
    orgId: examRef('请选择组织考试的党组织'),
    title: z
      .string({ error: '请填写考试名称' })
      .trim()
      .min(1, { error: '请填写考试名称' })
      .max(L.title.max, { error: `不能超过 ${L.title.max} 个字符` }),
    description: z.string().trim().max(L.description.max).nullable().optional(),
    paperKind: z.enum(paperKinds, { error: '请选择组卷方式' }),
    questionIds: z
      .array(examRef())
      .max(L.questions.max, { error: `最多 ${L.questions.max} 道题` })
      .default([]),
    sections: z
      .array(sectionSchema)
      .max(L.sections.max, { error: `最多 ${L.sections.max} 个分类` })
      .default([]),
    pointsEach: z
      .number({ error: '请填写每题分值' })
      .int({ error: '分值应为整数' })
      .min(L.pointsEach.min, { error: '每题至少 1 分' })
      .max(L.pointsEach.max, { error: `每题不能超过 ${L.pointsEach.max} 分` }),
    passMark: z.number({ error: '请填写及格分' }).int({ error: '及格分应为整数' }).min(0, { error: '及格分不能为负' }),
    timeLimitMinutes: z
      .number({ error: '请填写考试时长' })
      .int({ error: '时长应为整数分钟' })
      .min(L.timeLimitMinutes.min, { error: '时长至少 1 分钟' })
      .max(L.timeLimitMinutes.max, { error: `时长不能超过 ${L.timeLimitMinutes.max} 分钟` }),
    attemptsAllowed: z
      .number()
      .int({ error: '次数应为整数' })
      .min(L.attempts.min, { error: '至少允许 1 次' })
      .max(L.attempts.max, { error: `不能超过 ${L.attempts.max} 次` })
      .nullable(),
    opensAt: z.iso.datetime({ offset: true, error: '请填写开始时间（ISO 8601）' }),
    closesAt: z.iso.datetime({ offset: true, error: '结束时间格式不正确' }).nullable(),
    audienceKind: z.enum(audienceKinds, { error: '请选择参考范围' }),
    audienceOrgIds: z.array(examRef()).max(50).default([]),
  })
  .refine((e) => e.paperKind !== 'fixed' || e.questionIds.length > 0, { error: '请选择试题', path: ['questionIds'] })
  .refine((e) => e.paperKind !== 'fixed' || new Set(e.questionIds).size === e.questionIds.length, {
    error: '试题重复',
    path: ['questionIds'],
  })
  .refine((e) => e.paperKind !== 'drawn' || e.sections.length > 0, {
    error: '请至少设置一个抽题分类',
    path: ['sections'],
  })
  .refine((e) => e.audienceKind !== 'orgs' || e.audienceOrgIds.length > 0, {
    error: '请选择参考的党组织',
    path: ['audienceOrgIds'],
  })
  .refine((e) => !e.closesAt || Date.parse(e.closesAt) > Date.parse(e.opensAt), {
    error: '结束时间须晚于开始时间',
    path: ['closesAt'],
  });
export type ExamInput = z.output<typeof examInputSchema>;

/** One member's result in an exam: their best submitted attempt. */
export const examResultSchema = z.object({
  memberId: z.string(),
  memberName: z.string(),
  orgName: z.string(),
  attempts: z.number().int(),
  bestScore: z.number().int().nullable(),
  passed: z.boolean(),
  /** Seconds from start to submission of the best attempt. */
  timeUsedSeconds: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
});
export type ExamResultVO = z.infer<typeof examResultSchema>;

export const examAnalysisSchema = z.object({
  examId: z.string(),
  maxScore: z.number().int(),
  passMark: z.number().int(),
  /** Members with a graded attempt (best attempt each). */
  members: z.number().int(),
  passed: z.number().int(),
  averageScore: z.number().nullable(),
  distribution: z.array(z.object({ from: z.number().int(), to: z.number().int(), count: z.number().int() })),
  /** Per question over every graded attempt that had it. */
  items: z.array(
    z.object({
      questionId: z.string(),
      stem: z.string(),
      type: z.enum(examQuestionTypes),
      category: z.string(),
      answered: z.number().int(),
      /** Share answered fully right, ‰. */
      rightPermille: z.number().int(),
      mostChosenWrong: z.object({ optionId: z.string(), text: z.string(), count: z.number().int() }).nullable(),
    }),
  ),
});
export type ExamAnalysisVO = z.infer<typeof examAnalysisSchema>;

const byId = z.object({ id: pathId() });

export const examRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/admin/exam/exams',
    summary: '考试列表（本组织及上级组织的考试）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.ExamManage,
    query: z.object({ ...pageQuery(), q: qText(L.title.max), state: qEnum(examStates) }),
    response: examSchema,
    list: true,
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/admin/exam/exams/:id',
    summary: '考试详情',
    tag: TAG,
    audience: 'staff',
    permission: Permission.ExamManage,
    params: byId,
    response: examSchema,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/admin/exam/exams',
    summary: '新建考试（草稿；固定试卷或按分类随机抽题）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.ExamManage,
    body: examInputSchema,
    response: examSchema,
    status: 201,
  }),
  update: defineRoute({
    method: 'PUT',
    path: '/api/admin/exam/exams/:id',
    summary: '修改考试（有人开考后不能再改）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.ExamManage,
    params: byId,
    body: examInputSchema,
    response: examSchema,
  }),
  publish: defineRoute({
    method: 'POST',
    path: '/api/admin/exam/exams/:id/publish',
    summary: '发布考试（发布后参考党员可见）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.ExamManage,
    params: byId,
    response: examSchema,
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/admin/exam/exams/:id',
    summary: '删除考试（无人开考时）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.ExamManage,
    params: byId,
    response: null,
    status: 204,
  }),
  results: defineRoute({
    method: 'GET',
    path: '/api/admin/exam/exams/:id/results',
    summary: '考试成绩（本人负责范围内的党员，每人取最高分）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.ExamManage,
    params: byId,
    query: z.object(pageQuery()),
    response: examResultSchema,
    list: true,
  }),
  analysis: defineRoute({
    method: 'GET',
    path: '/api/admin/exam/exams/:id/analysis',
    summary: '成绩分析（分数段分布、每题正确率与最多选的错误项）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.ExamManage,
    params: byId,
    response: examAnalysisSchema,
  }),
  exportResults: defineRoute({
    method: 'GET',
    path: '/api/admin/exam/exams/:id/results.xlsx',
    summary: '导出考试成绩（.xlsx，记审计）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.ExamManage,
    params: byId,
    response: null,
    responseKind: 'file',
  }),
};
