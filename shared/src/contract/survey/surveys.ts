import { Permission } from '../../domain/permissions';
import { defineRoute } from '../define';
import { pageQuery, pathId } from '../fields';
import { z } from '../zod';
import { qEnum } from '../registry/common';
import { optionalText, partyRef, requiredText } from '../party/common';
import { surveyDay } from './common';
import {
  surveyAudiences,
  surveyLimits,
  surveyPhases,
  surveyQuestionKinds,
  surveyStatuses,
} from '../../domain/survey-rules';

const TAG = '管理端 · 问卷与议事协商';
const L = surveyLimits;

export const surveyQuestionSchema = z.object({
  /** Stable within the survey (`q1`, `q2`…), assigned by the BFF. */
  id: z.string(),
  kind: z.enum(surveyQuestionKinds),
  title: z.string(),
  required: z.boolean(),
  /** Choice questions only; empty otherwise. */
  options: z.array(z.string()),
});
export type SurveyQuestionVO = z.infer<typeof surveyQuestionSchema>;

const surveyQuestionInput = z
  .strictObject({
    kind: z.enum(surveyQuestionKinds, { error: '请选择题型' }),
    title: requiredText(L.questionTitleMax, '请填写题目'),
    required: z.boolean().optional().default(true),
    options: z
      .array(requiredText(L.optionMax, '选项不能为空'))
      .max(L.optionsMax, { error: `选项最多 ${L.optionsMax} 个` })
      .optional()
      .default([]),
  })
  .refine((q) => (q.kind === 'single' || q.kind === 'multiple' ? q.options.length >= L.optionsMin : true), {
    error: `选择题至少需要 ${L.optionsMin} 个选项`,
    path: ['options'],
  })
  .refine((q) => new Set(q.options).size === q.options.length, { error: '选项不能重复', path: ['options'] });

export const surveyInputSchema = z
  .strictObject({
    audience: z.enum(surveyAudiences, { error: '请选择调查对象' }),
    /** Members: the organisation whose subtree is asked; null = every member of the town (town committee only). */
    orgId: partyRef().nullable().optional(),
    /** Residents: the village, community (or the town) whose residents are asked. */
    regionId: partyRef().nullable().optional(),
    title: requiredText(L.titleMax, '请填写标题'),
    description: optionalText(L.descriptionMax),
    anonymous: z.boolean({ error: '请选择是否匿名' }),
    opensOn: surveyDay('请填写开始日期'),
    closesOn: surveyDay('请填写结束日期'),
    questions: z
      .array(surveyQuestionInput)
      .min(1, { error: '至少需要一道题' })
      .max(L.questionsMax, { error: `最多 ${L.questionsMax} 道题` }),
  })
  .refine((s) => s.closesOn >= s.opensOn, { error: '结束日期不能早于开始日期', path: ['closesOn'] })
  .refine((s) => s.audience !== 'residents' || !!s.regionId, { error: '请选择村或社区', path: ['regionId'] });
export type SurveyInput = z.output<typeof surveyInputSchema>;

export const surveySchema = z.object({
  id: z.string(),
  audience: z.enum(surveyAudiences),
  orgId: z.string().nullable(),
  regionId: z.string().nullable(),
  /** The organisation or region asked, by name ('全体党员' for the whole town's members). */
  targetName: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  anonymous: z.boolean(),
  opensOn: z.string(),
  closesOn: z.string(),
  status: z.enum(surveyStatuses),
  phase: z.enum(surveyPhases),
  questions: z.array(surveyQuestionSchema),
  responseCount: z.number().int(),
  publishedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type SurveyVO = z.infer<typeof surveySchema>;

export const surveyQuestionResultSchema = z.object({
  id: z.string(),
  kind: z.enum(surveyQuestionKinds),
  title: z.string(),
  /** How many responses answered this question. */
  answered: z.number().int(),
  /** Choice questions: each option's count and share of the question's answers (percent, one decimal). */
  options: z.array(z.object({ label: z.string(), count: z.number().int(), percent: z.number() })),
  /** Rating questions: the mean (two decimals) and the count of each score 1…5. */
  ratingAverage: z.number().nullable(),
  ratingCounts: z.array(z.number().int()),
  /** Free texts, newest first; `name` only for named surveys (never for anonymous ones). */
  texts: z.array(z.object({ text: z.string(), name: z.string().nullable() })),
});
export type SurveyQuestionResultVO = z.infer<typeof surveyQuestionResultSchema>;

export const surveyResultsSchema = z.object({
  surveyId: z.string(),
  responseCount: z.number().int(),
  questions: z.array(surveyQuestionResultSchema),
});
export type SurveyResultsVO = z.infer<typeof surveyResultsSchema>;

/** The organisations and regions the caller may address a survey to (the editor's pickers). */
export const surveyTargetsSchema = z.object({
  /** True when the caller may ask every member of the town (orgId null). */
  allMembers: z.boolean(),
  orgs: z.array(z.object({ id: z.string(), name: z.string() })),
  regions: z.array(z.object({ id: z.string(), name: z.string(), level: z.string() })),
});
export type SurveyTargetsVO = z.infer<typeof surveyTargetsSchema>;

const byId = z.object({ id: pathId() });

export const surveyRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/admin/surveys',
    summary: '问卷与议事协商列表（本人负责的党组织与区域）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.SurveyManage,
    query: z.object({ ...pageQuery(), audience: qEnum(surveyAudiences), status: qEnum(surveyStatuses) }),
    response: surveySchema,
    list: true,
  }),
  targets: defineRoute({
    method: 'GET',
    path: '/api/admin/surveys/targets',
    summary: '可发起问卷的党组织与村（社区）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.SurveyManage,
    response: surveyTargetsSchema,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/admin/surveys',
    summary: '新建问卷（草稿）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.SurveyManage,
    body: surveyInputSchema,
    response: surveySchema,
    status: 201,
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/admin/surveys/:id',
    summary: '问卷详情',
    tag: TAG,
    audience: 'staff',
    permission: Permission.SurveyManage,
    params: byId,
    response: surveySchema,
  }),
  update: defineRoute({
    method: 'PUT',
    path: '/api/admin/surveys/:id',
    summary: '修改草稿（发布后不能再改）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.SurveyManage,
    params: byId,
    body: surveyInputSchema,
    response: surveySchema,
  }),
  publish: defineRoute({
    method: 'POST',
    path: '/api/admin/surveys/:id/publish',
    summary: '发布（在开始与结束日期之间接受作答）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.SurveyManage,
    params: byId,
    response: surveySchema,
  }),
  close: defineRoute({
    method: 'POST',
    path: '/api/admin/surveys/:id/close',
    summary: '提前结束（不再接受作答）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.SurveyManage,
    params: byId,
    response: surveySchema,
  }),
  results: defineRoute({
    method: 'GET',
    path: '/api/admin/surveys/:id/results',
    summary: '统计结果（选项占比、平均分、文字意见；匿名问卷不含姓名）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.SurveyManage,
    params: byId,
    response: surveyResultsSchema,
  }),
  exportResults: defineRoute({
    method: 'GET',
    path: '/api/admin/surveys/:id/results.xlsx',
    summary: '导出统计结果（.xlsx，记审计）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.SurveyManage,
    params: byId,
    response: null,
    responseKind: 'file',
  }),
};
