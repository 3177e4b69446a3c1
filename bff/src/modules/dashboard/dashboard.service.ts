import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import { hasPermission, openCaseStatuses, shanghaiDate } from '@zhili/shared';
import type {
  CaseStatus,
  DashboardCasesVO,
  DashboardRegistryVO,
  DashboardVisitsVO,
  DashboardVO,
  Permission,
} from '@zhili/shared';
import type { Principal } from '../../core/auth/principal';
import { applyScope, scopePrefix, whereStartsWith } from '../../core/scope/data-scope';
import { applyCaseFilters, CaseRecord, CaseStatsService } from '../case';
import { Region, RegionService, RegionStatsService } from '../region';
import { VisitDueService } from '../registry';

/** How many due visits the landing page lists. */
export const DASHBOARD_NEXT_VISITS = 5;
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The instant the Shanghai day after `now`'s begins. */
function endOfShanghaiDay(now: Date): Date {
  const [y, m, d] = shanghaiDate(now).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) - SHANGHAI_OFFSET_MS + DAY_MS);
}

const num = (value: unknown): number => Number(value ?? 0) || 0;

/**
 * The staff landing page: the caller's work (cases waiting, overdue, due today, theirs; visits due)
 * and the key numbers of their region. No engine of its own: case counts go through the inbox's
 * filters (so "overdue" here is exactly what 只看超时 lists), the trend through the statistics,
 * visits through the due computation, registry numbers through the region tallies — all in the
 * caller's scope. Each part needs the permission of the list it summarises.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class DashboardService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private regions!: RegionService;

  @Inject()
  private regionStats!: RegionStatsService;

  @Inject()
  private caseStats!: CaseStatsService;

  @Inject()
  private visitsDue!: VisitDueService;

  async dashboard(principal: Principal, now = new Date()): Promise<DashboardVO> {
    const may = (p: Permission) => hasPermission(principal.roles, p, principal.grants ?? []);
    const path = scopePrefix(principal);
    const regionId = path?.split('/').filter(Boolean).pop();
    const [region, cases, visits, registry] = await Promise.all([
      regionId ? this.regions.find(regionId) : null,
      may('case:read') ? this.cases(principal, now) : null,
      may('person:read') ? this.visits(principal, now) : null,
      may('person:read') && path ? this.registry(path) : null,
    ]);
    return {
      region: region ? { id: region.id, name: region.name, level: region.level } : null,
      generatedAt: now.toISOString(),
      cases,
      visits,
      registry,
    };
  }

  private async cases(principal: Principal, now: Date): Promise<DashboardCasesVO> {
    const scoped = () =>
      applyScope(this.dataSource.getRepository(CaseRecord).createQueryBuilder('c'), principal, 'c.scope_path');
    const open = [...openCaseStatuses];
    const [pending, overdue, dueToday, mine, byStatus, stats] = await Promise.all([
      applyCaseFilters(scoped(), 'c', { statuses: ['submitted'], now }).getCount(),
      applyCaseFilters(scoped(), 'c', { overdue: true, now }).getCount(),
      scoped()
        .andWhere('c.status IN (:...open) AND c.due_at >= :now AND c.due_at < :dayEnd', {
          open,
          now,
          dayEnd: endOfShanghaiDay(now),
        })
        .getCount(),
      applyCaseFilters(scoped(), 'c', { statuses: open, assigneeId: principal.id, now }).getCount(),
      applyCaseFilters(scoped(), 'c', { statuses: open, now })
        .select('c.status', 'status')
        .addSelect('COUNT(*)', 'n')
        .groupBy('c.status')
        .getRawMany<{ status: CaseStatus; n: unknown }>(),
      this.caseStats.stats(principal, {}, now),
    ]);
    const openByStatus = Object.fromEntries(byStatus.map((r) => [r.status, num(r.n)])) as Partial<
      Record<CaseStatus, number>
    >;
    return {
      pending,
      overdue,
      dueToday,
      open: Object.values(openByStatus).reduce((sum, n) => sum + (n ?? 0), 0),
      mine,
      openByStatus,
      trend: stats.trend,
    };
  }

  private async visits(principal: Principal, now: Date): Promise<DashboardVisitsVO> {
    const [counts, next] = await Promise.all([
      this.visitsDue.counts(principal, { now }),
      this.visitsDue.page(principal, { status: 'pending', now }, 1, DASHBOARD_NEXT_VISITS),
    ]);
    return { ...counts, next: next.items };
  }

  private async registry(path: string): Promise<DashboardRegistryVO> {
    const [tallies, grids] = await Promise.all([
      this.regionStats.tallies(path),
      whereStartsWith(this.dataSource.getRepository(Region).createQueryBuilder('r'), 'r.path', path, 'dashPath')
        .andWhere('r.level = :grid', { grid: 'grid' })
        .getCount(),
    ]);
    const { counts } = tallies.rollup(path);
    return {
      households: counts.households,
      persons: counts.persons,
      grids,
      businesses: counts.businesses,
      houses: counts.houses,
    };
  }
}
