import type { VisitDueCounts } from '../api/registry';
import { HouseholdType } from '../domain/registry';
import { defineRoute } from './define';
import { pageQuery, pathId, qList, qText } from './fields';
import { regionCountsSchema } from './region';
import { enumValues, qEnum } from './registry/common';
import { householdDetailSchema, householdSchema } from './registry/households';
import { personDetailSchema, personSchema } from './registry/person-views';
import { visitCreateSchema, visitDueFilters, visitDueSchema, visitSchema } from './registry/visits';
import { z } from './zod';

const TAG = '小程序 · 网格员';

const visitDueCountsSchema = z.object({
  overdue: z.number().int(),
  due: z.number().int(),
  upcoming: z.number().int(),
  /** The persons on the 走访待办 list (overdue + due + upcoming). */
  total: z.number().int(),
}) satisfies z.ZodType<VisitDueCounts>;

/** `GET /api/mp/grid/overview`: the grid worker's grid at a glance. */
export const mpGridOverviewSchema = z.object({
  region: z.object({ id: z.string(), name: z.string(), path: z.string() }).nullable(),
  counts: regionCountsSchema,
  householdsByType: z.object(
    Object.fromEntries(enumValues(HouseholdType).map((t) => [t, z.number().int()])) as Record<
      HouseholdType,
      z.ZodNumber
    >,
  ),
  visitsDue: visitDueCountsSchema,
});
export type MpGridOverviewVO = z.infer<typeof mpGridOverviewSchema>;

const byId = z.object({ id: pathId() });

/**
 * The grid worker's desk in the mini-program: only users holding the grid_worker role (checked
 * against the database on every request) get in; everything is limited to their grid and masked.
 */
export const mpGridRoutes = {
  overview: defineRoute({
    method: 'GET',
    path: '/api/mp/grid/overview',
    summary: '我的网格：户数（按类型）、人口、房屋、经营单位、待走访',
    tag: TAG,
    audience: 'mp',
    response: mpGridOverviewSchema,
  }),
  households: defineRoute({
    method: 'GET',
    path: '/api/mp/grid/households',
    summary: '网格内的户（户主姓名前缀或地址关键字搜索）',
    tag: TAG,
    audience: 'mp',
    query: z.object({
      ...pageQuery(),
      /** 户主姓名前缀或地址关键字 */
      q: qText(32),
      type: qEnum(enumValues(HouseholdType)),
    }),
    response: householdSchema,
    list: true,
  }),
  household: defineRoute({
    method: 'GET',
    path: '/api/mp/grid/households/:id',
    summary: '户卡片（成员信息已脱敏）',
    tag: TAG,
    audience: 'mp',
    params: byId,
    response: householdDetailSchema,
  }),
  persons: defineRoute({
    method: 'GET',
    path: '/api/mp/grid/persons',
    summary: '网格内的人员（姓名前缀、标签筛选，已脱敏）',
    tag: TAG,
    audience: 'mp',
    query: z.object({
      ...pageQuery(),
      /** 姓名前缀 */
      q: qText(32),
      /** 标签代码，可重复或逗号分隔 */
      tag: qList(z.string().max(400), 32),
    }),
    response: personSchema,
    list: true,
  }),
  person: defineRoute({
    method: 'GET',
    path: '/api/mp/grid/persons/:id',
    summary: '人员详情（已脱敏），含走访记录与走访提醒',
    tag: TAG,
    audience: 'mp',
    params: byId,
    response: personDetailSchema,
  }),
  visitsDue: defineRoute({
    method: 'GET',
    path: '/api/mp/grid/visits/due',
    summary: '待走访（按应走访日期排序）',
    tag: TAG,
    audience: 'mp',
    /** status 默认 pending：逾期、到期和即将到期 */
    query: z.object({ ...pageQuery(), status: qEnum(visitDueFilters) }),
    response: visitDueSchema,
    list: true,
  }),
  recordVisit: defineRoute({
    method: 'POST',
    path: '/api/mp/grid/visits',
    summary: '登记走访（照片先通过 /api/mp/files 上传）',
    tag: TAG,
    audience: 'mp',
    body: visitCreateSchema,
    response: visitSchema,
    status: 201,
  }),
};
