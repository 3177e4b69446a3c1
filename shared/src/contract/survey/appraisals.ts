import { Permission } from '../../domain/permissions';
import { defineRoute } from '../define';
import { pageQuery, pathId } from '../fields';
import { z } from '../zod';
import { partyRef, requiredText } from '../party/common';
import { surveyDay } from './common';
import { appraisalStatuses, surveyLimits, surveyPhases } from '../../domain/survey-rules';

const TAG = '管理端 · 民主评议';

const groupEnum = z.enum(['resident', 'member', 'leader']);

export const appraisalOpenSchema = z
  .strictObject({
    orgId: partyRef('请选择党支部'),
    title: requiredText(surveyLimits.titleMax, '请填写评议名称'),
    /** The period appraised, e.g. `2026年度`. */
    period: requiredText(32, '请填写评议期间'),
    opensOn: surveyDay('请填写开始日期'),
    closesOn: surveyDay('请填写结束日期'),
    /** The members appraised (active members of the branch); empty = all of them. */
    memberIds: z
      .array(partyRef())
      .max(surveyLimits.appraiseesMax)
      .optional()
      .default([])
      .refine((ids) => new Set(ids).size === ids.length, { error: '党员不能重复' }),
  })
  .refine((a) => a.closesOn >= a.opensOn, { error: '结束日期不能早于开始日期', path: ['closesOn'] });
export type AppraisalOpenInput = z.output<typeof appraisalOpenSchema>;

export const appraisalGroupProgressSchema = z.object({
  group: groupEnum,
  /** People of the group who have voted (at least one member). */
  voters: z.number().int(),
  /** Votes cast (voter × appraised member). */
  votes: z.number().int(),
});

export const appraisalResultSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  /** 0–100, one decimal; null when nobody voted for this member. */
  score: z.number().nullable(),
  groups: z.array(z.object({ group: groupEnum, votes: z.number().int(), mean: z.number(), weight: z.number() })),
  /** Grade counts over all groups, in the order of `appraisalGrades`. */
  gradeCounts: z.array(z.number().int()),
});
export type AppraisalResultVO = z.infer<typeof appraisalResultSchema>;

export const appraisalRoundSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  period: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  status: z.enum(appraisalStatuses),
  phase: z.enum(surveyPhases),
  /** Whether the branch serves a village or community (its residents vote as 群众). */
  hasResidents: z.boolean(),
  appraisees: z.array(z.object({ memberId: z.string(), name: z.string() })),
  progress: z.array(appraisalGroupProgressSchema),
  closedAt: z.string().nullable(),
  /** Only once closed: per member, best first. Hidden while voting runs. */
  results: z.array(appraisalResultSchema).nullable(),
  /** Only once closed: the branch's mean of the members' scores and how many voters took part. */
  summary: z.object({ average: z.number().nullable(), voters: z.number().int() }).nullable(),
  createdAt: z.string(),
});
export type AppraisalRoundVO = z.infer<typeof appraisalRoundSchema>;

const byId = z.object({ id: pathId() });

export const appraisalRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/admin/appraisals',
    summary: '民主评议列表（本人负责的党组织）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.SurveyManage,
    query: z.object({ ...pageQuery() }),
    response: appraisalRoundSchema,
    list: true,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/admin/appraisals',
    summary: '发起民主评议（党员、群众、领导分组投票）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.SurveyManage,
    body: appraisalOpenSchema,
    response: appraisalRoundSchema,
    status: 201,
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/admin/appraisals/:id',
    summary: '评议详情（投票进度；结果在结束后公布）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.SurveyManage,
    params: byId,
    response: appraisalRoundSchema,
  }),
  close: defineRoute({
    method: 'POST',
    path: '/api/admin/appraisals/:id/close',
    summary: '结束评议并公布结果（群众 60%、党员 30%、领导 10%）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.SurveyManage,
    params: byId,
    response: appraisalRoundSchema,
  }),
};
