import { Permission } from '../../domain/permissions';
import { StudyEventKind } from '../../domain/study-points';
import { defineRoute } from '../define';
import { isoDate, pageQuery, pathId } from '../fields';
import { z } from '../zod';
import { enumValues } from '../registry/common';
import { mpStudyProgressRoutes } from './progress';

const MP_TAG = '小程序 · 网上党校';
const STAFF_TAG = '管理端 · 网上党校积分';

/** An optional query field where an empty text means absent. */
const blankIsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const eventKind = z.enum(enumValues(StudyEventKind), { error: '积分事项无效' });

/** One immutable ledger entry with its reason (a capped event shows 0 and why). */
export const pointsEntrySchema = z.object({
  id: z.string(),
  kind: eventKind,
  points: z.number().int(),
  reason: z.string(),
  /** ISO instant of the event. */
  at: z.string(),
});
export type PointsEntryVO = z.infer<typeof pointsEntrySchema>;

export const myRankSchema = z.object({ rank: z.number().int(), of: z.number().int() });

/** My points page in the mini-program: totals of this month, this year and all time, my ranks. */
export const myStudySchema = z.object({
  name: z.string(),
  branchName: z.string(),
  points: z.object({ month: z.number().int(), year: z.number().int(), all: z.number().int() }),
  /** Ranks by this month's points (1, 1, 3 on ties). */
  rank: z.object({ branch: myRankSchema, town: myRankSchema }),
  /** Study time credited today (Beijing day), all lessons. */
  todayStudyMs: z.number().int(),
  /** The daily-login entry this very request created, if it was the first of the day. */
  loginAwarded: pointsEntrySchema.nullable(),
});
export type MyStudyVO = z.infer<typeof myStudySchema>;

export const rankingRowSchema = z.object({
  rank: z.number().int(),
  /** Name only: the ranking carries no other personal data. */
  name: z.string(),
  branchName: z.string(),
  total: z.number().int(),
  isMe: z.boolean(),
});
export type RankingRowVO = z.infer<typeof rankingRowSchema>;

export const mpRankingSchema = z.object({
  scope: z.enum(['branch', 'town']),
  period: z.object({ from: z.string(), to: z.string() }),
  /** The first 100 places. */
  rows: z.array(rankingRowSchema),
  me: z.object({ rank: z.number().int(), total: z.number().int() }),
});
export type MpRankingVO = z.infer<typeof mpRankingSchema>;

export const pointsRuleSchema = z.object({
  kind: eventKind,
  label: z.string(),
  points: z.number().int(),
  /** Null: no daily cap. */
  dailyCap: z.number().int().nullable(),
});
export type PointsRuleVO = z.infer<typeof pointsRuleSchema>;

export const pointsRulesBodySchema = z.strictObject({
  rules: z
    .array(
      z.strictObject({
        kind: eventKind,
        points: z.number({ error: '每次积分须为正整数' }).int().min(1).max(1000),
        dailyCap: z.number({ error: '每日上限须为正整数' }).int().min(1).max(10_000).nullable(),
      }),
    )
    .min(1, { error: '至少设置一项积分规则' })
    .max(20),
});
export type PointsRulesBody = z.infer<typeof pointsRulesBodySchema>;

export const staffRankingRowSchema = z.object({
  rank: z.number().int(),
  memberId: z.string(),
  name: z.string(),
  orgId: z.string(),
  branchName: z.string(),
  total: z.number().int(),
});
export type StaffRankingRowVO = z.infer<typeof staffRankingRowSchema>;

/** The mini-program's party school for a member: progress (heartbeats), my points, the ranking. */
export const mpStudyRoutes = {
  ...mpStudyProgressRoutes,
  me: defineRoute({
    method: 'GET',
    path: '/api/mp/study/me',
    summary: '我的学习积分（本月、本年、累计，支部与全镇排名）；当日首次打开记每日登录积分',
    tag: MP_TAG,
    audience: 'mp',
    response: myStudySchema,
  }),
  points: defineRoute({
    method: 'GET',
    path: '/api/mp/study/points',
    summary: '我的积分明细（每条附原因，新的在前）',
    tag: MP_TAG,
    audience: 'mp',
    query: z.object({ ...pageQuery() }),
    response: pointsEntrySchema,
    list: true,
  }),
  ranking: defineRoute({
    method: 'GET',
    path: '/api/mp/study/ranking',
    summary: '积分排行（本支部或全镇，本月或本年；只显示姓名）',
    tag: MP_TAG,
    audience: 'mp',
    query: z.object({
      scope: z.enum(['branch', 'town'], { error: '排行范围无效' }).default('branch'),
      period: z.enum(['month', 'year'], { error: '排行周期无效' }).default('month'),
    }),
    response: mpRankingSchema,
  }),
};

/** Staff: the points rule table and the ranking within the caller's party scope. */
export const studyPointsRoutes = {
  rules: defineRoute({
    method: 'GET',
    path: '/api/admin/study/points-rules',
    summary: '积分规则（每项事项的积分与每日上限）',
    tag: STAFF_TAG,
    audience: 'staff',
    permission: Permission.StudyManage,
    response: z.array(pointsRuleSchema),
  }),
  saveRules: defineRoute({
    method: 'PUT',
    path: '/api/admin/study/points-rules',
    summary: '保存积分规则（整表替换；未列出的事项不再计分）',
    tag: STAFF_TAG,
    audience: 'staff',
    permission: Permission.StudyManage,
    body: pointsRulesBodySchema,
    response: z.array(pointsRuleSchema),
  }),
  ranking: defineRoute({
    method: 'GET',
    path: '/api/admin/study/ranking',
    summary: '积分排行（本人管辖的党组织内，按起止日期）',
    tag: STAFF_TAG,
    audience: 'staff',
    permission: Permission.StudyManage,
    query: z.object({
      ...pageQuery(50, 200),
      orgId: blankIsAbsent(pathId()),
      /** Beijing days, both included; default: this month. */
      from: blankIsAbsent(isoDate()),
      to: blankIsAbsent(isoDate()),
    }),
    response: staffRankingRowSchema,
    list: true,
  }),
};
