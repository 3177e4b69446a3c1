import type { CaseStatus } from '../domain/case';
import type { RegionLevelName, VisitDueVO } from './registry';

/**
 * The staff landing page (`GET /api/admin/dashboard`): the caller's work and the key numbers of
 * their region, all within their data scope. A part the caller may not read is null (cases need
 * `case:read`, visits and registry numbers `person:read`), so one answer serves every role.
 */
export interface DashboardVO {
  /** The region the caller is bound to; null for an account without a region. */
  region: { id: string; name: string; level: RegionLevelName } | null;
  /** ISO 8601; the counts are as of this instant. */
  generatedAt: string;
  cases: DashboardCasesVO | null;
  visits: DashboardVisitsVO | null;
  registry: DashboardRegistryVO | null;
}

export interface DashboardCasesVO {
  /** 待受理: submitted, waiting to be accepted. */
  pending: number;
  /** Open and past the deadline (the inbox's 只看超时 filter, the same query). */
  overdue: number;
  /** Open, not yet overdue, due before the end of today (Asia/Shanghai). */
  dueToday: number;
  /** All open cases. */
  open: number;
  /** Open cases assigned to the caller (我的待办). */
  mine: number;
  /** Open cases by status. */
  openByStatus: Partial<Record<CaseStatus, number>>;
  /** Cases filed and resolved per Shanghai day, the last 30 days, oldest first. */
  trend: { date: string; created: number; resolved: number }[];
}

export interface DashboardVisitsVO {
  overdue: number;
  due: number;
  upcoming: number;
  /** The first few persons to visit (most urgent first). */
  next: VisitDueVO[];
}

export interface DashboardRegistryVO {
  households: number;
  persons: number;
  grids: number;
  businesses: number;
  houses: number;
}
