import { allCaseStatuses } from '../domain/case';
import { Permission } from '../domain/permissions';
import { defineRoute } from './define';
import { visitDueSchema } from './registry/visits';
import { z } from './zod';

const regionLevel = z.enum(['town', 'community', 'village', 'grid']);
const count = z.number().int();
/** Counts per case status; a status with no case is absent. */
const byStatus = z.partialRecord(z.enum(allCaseStatuses as [string, ...string[]]), count);

export const dashboardCasesSchema = z.object({
  /** 待受理: submitted, waiting to be accepted. */
  pending: count,
  /** Open and past the deadline (the inbox's 只看超时 filter, the same query). */
  overdue: count,
  /** Open, not yet overdue, due before the end of today (Asia/Shanghai). */
  dueToday: count,
  /** All open cases. */
  open: count,
  /** Open cases assigned to the caller (我的待办). */
  mine: count,
  /** Open cases by status. */
  openByStatus: byStatus,
  /** Cases filed and resolved per Shanghai day, the last 30 days, oldest first. */
  trend: z.array(z.object({ date: z.string(), created: count, resolved: count })),
});
export type DashboardCasesVO = z.infer<typeof dashboardCasesSchema>;

export const dashboardVisitsSchema = z.object({
  overdue: count,
  due: count,
  upcoming: count,
  /** The first few persons to visit (most urgent first; phones masked). */
  next: z.array(visitDueSchema),
});
export type DashboardVisitsVO = z.infer<typeof dashboardVisitsSchema>;

export const dashboardRegistrySchema = z.object({
  households: count,
  persons: count,
  grids: count,
  businesses: count,
  houses: count,
});
export type DashboardRegistryVO = z.infer<typeof dashboardRegistrySchema>;

/**
 * The staff landing page: the caller's work and the key numbers of their region, all within their
 * data scope. A part the caller may not read is null (cases need `case:read`, visits and registry
 * numbers `person:read`), so one answer serves every role.
 */
export const dashboardSchema = z.object({
  /** The region the caller is bound to; null for an account without a region. */
  region: z.object({ id: z.string(), name: z.string(), level: regionLevel }).nullable(),
  /** ISO 8601; the counts are as of this instant. */
  generatedAt: z.string(),
  cases: dashboardCasesSchema.nullable(),
  visits: dashboardVisitsSchema.nullable(),
  registry: dashboardRegistrySchema.nullable(),
});
export type DashboardVO = z.infer<typeof dashboardSchema>;

export const dashboardRoutes = {
  get: defineRoute({
    method: 'GET',
    path: '/api/admin/dashboard',
    summary: '工作台：本人管辖范围内的待受理、超时、今日到期工单，待走访人员，区域概况与近 30 天工单趋势',
    tag: '管理端 · 工作台',
    audience: 'staff',
    permission: Permission.DashboardRead,
    response: dashboardSchema,
  }),
};
