import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, IsNull, SelectQueryBuilder } from 'typeorm';
import { isCaseOpen, shanghaiDate } from '@zhili/shared';
import type { CaseSource, CaseStatsVO, CaseStatus } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { AppError } from '../../../core/errors/app-error';
import { applyScope, scopePrefix } from '../../../core/scope/data-scope';
import { Region, RegionService } from '../../region';
import { CaseCategory, CaseRecord } from '../entities';
import { num, round, statsDialect } from './stats-sql';
import { DAY_MS, fromBound, shanghaiDayStart, shanghaiDays, toBound } from './time-range';

/** Default and longest span of the statistics, in days. */
export const STATS_DEFAULT_DAYS = 30;
export const STATS_MAX_DAYS = 366;

export interface CaseStatsQuery {
  regionId?: string;
  from?: string;
  to?: string;
}

type Row = Record<string, unknown>;

/**
 * Dashboard statistics of the cases in the caller's scope (narrowed to a region's subtree): counts
 * of the cases submitted in the period by status, category, child region and source; on-time rate
 * and handling time of the cases resolved in the period; satisfaction of the ratings given in it;
 * and the daily trend (Asia/Shanghai days). Every figure is a GROUP BY over the scope's index range,
 * so the answer's size depends on the number of days and regions, never on the number of cases.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseStatsService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private regions!: RegionService;

  async stats(principal: Principal, query: CaseStatsQuery, now = new Date()): Promise<CaseStatsVO> {
    const region = query.regionId
      ? await this.regions.getInScope(principal, query.regionId)
      : await this.scopeRoot(principal);
    const within = query.regionId ? region?.path : undefined;
    const { from, to } = this.period(query, now);
    const sql = statsDialect(this.dataSource);
    const scoped = () =>
      applyScope(this.dataSource.getRepository(CaseRecord).createQueryBuilder('c'), principal, 'c.scope_path', within);
    const created = () => scoped().andWhere('c.created_at >= :from AND c.created_at < :to', { from, to });
    const resolved = () =>
      scoped().andWhere('c.resolved_at IS NOT NULL AND c.resolved_at >= :from AND c.resolved_at < :to', { from, to });
    const grouped = (qb: SelectQueryBuilder<CaseRecord>, expr: string) =>
      qb.select(expr, 'k').addSelect('COUNT(*)', 'n').groupBy(expr).getRawMany<Row>();

    const [byStatus, byCategory, bySource, byPath, handled, ratings, createdDays, resolvedDays] = await Promise.all([
      grouped(created(), 'c.status'),
      grouped(created(), 'c.category_code'),
      grouped(created(), 'c.source'),
      grouped(created(), 'c.scope_path'),
      resolved()
        .select('COUNT(*)', 'n')
        // A case without a deadline cannot miss it.
        .addSelect('SUM(CASE WHEN c.due_at IS NULL OR c.resolved_at <= c.due_at THEN 1 ELSE 0 END)', 'onTime')
        .addSelect(`AVG(${sql.hoursBetween('c.created_at', 'c.resolved_at')})`, 'hours')
        .getRawOne<Row>(),
      grouped(
        scoped().andWhere('c.rating IS NOT NULL AND c.rated_at >= :from AND c.rated_at < :to', { from, to }),
        'c.rating',
      ),
      grouped(created(), sql.shanghaiDay('c.created_at')),
      grouped(resolved(), sql.shanghaiDay('c.resolved_at')),
    ]);

    const statusCounts = Object.fromEntries(byStatus.map((r) => [String(r.k), num(r.n)])) as Partial<
      Record<CaseStatus, number>
    >;
    const total = byStatus.reduce((sum, r) => sum + num(r.n), 0);
    const resolvedCount = num(handled?.n);
    const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
    for (const r of ratings) if (num(r.k) >= 1 && num(r.k) <= 5) distribution[num(r.k) - 1] += num(r.n);
    const rated = distribution.reduce((a, b) => a + b, 0);
    const ratingSum = distribution.reduce((sum, n, i) => sum + n * (i + 1), 0);
    const createdByDay = new Map(createdDays.map((r) => [String(r.k), num(r.n)]));
    const resolvedByDay = new Map(resolvedDays.map((r) => [String(r.k), num(r.n)]));

    return {
      total,
      open: Object.entries(statusCounts).reduce(
        (sum, [s, n]) => sum + (isCaseOpen(s as CaseStatus) ? (n as number) : 0),
        0,
      ),
      byStatus: statusCounts,
      byCategory: await this.categories(byCategory),
      byRegion: await this.byRegion(principal, region, byPath),
      bySource: Object.fromEntries(bySource.map((r) => [String(r.k), num(r.n)])) as Partial<Record<CaseSource, number>>,
      onTimeRate: resolvedCount ? round(num(handled?.onTime) / resolvedCount, 4) : null,
      avgHandlingHours: resolvedCount ? round(num(handled?.hours), 1) : null,
      satisfaction: { average: rated ? round(ratingSum / rated, 2) : null, count: rated, distribution },
      trend: shanghaiDays(from, to).map((date) => ({
        date,
        created: createdByDay.get(date) ?? 0,
        resolved: resolvedByDay.get(date) ?? 0,
      })),
    };
  }

  /**
   * The period: `from`/`to` as given (a bare `to` date includes that day); by default the last 30
   * Shanghai days including today. Longer than STATS_MAX_DAYS is refused (the trend has a row per day).
   */
  private period(query: CaseStatsQuery, now: Date): { from: Date; to: Date } {
    const to = toBound(query.to) ?? now;
    const from =
      fromBound(query.from) ?? shanghaiDayStart(shanghaiDate(to.getTime() - 1 - (STATS_DEFAULT_DAYS - 1) * DAY_MS));
    if (to <= from)
      throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'to', message: '截止日期应晚于起始日期' }]);
    if (to.getTime() - from.getTime() > STATS_MAX_DAYS * DAY_MS) {
      throw new AppError('VALIDATION_FAILED', undefined, [
        { field: 'from', message: `统计跨度不能超过 ${STATS_MAX_DAYS} 天` },
      ]);
    }
    return { from, to };
  }

  /** The region of the caller's scope path (`/town/village/` → village); null for the whole tree. */
  private async scopeRoot(principal: Principal): Promise<Region | null> {
    const ids = (scopePrefix(principal) ?? '').split('/').filter(Boolean);
    return ids.length ? this.regions.find(ids[ids.length - 1]) : null;
  }

  private async categories(rows: Row[]): Promise<CaseStatsVO['byCategory']> {
    const names = new Map(
      (await this.dataSource.getRepository(CaseCategory).find({ select: { code: true, name: true } })).map((c) => [
        c.code,
        c.name,
      ]),
    );
    return rows
      .map((r) => ({ code: String(r.k), name: names.get(String(r.k)) ?? String(r.k), count: num(r.n) }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  }

  /**
   * Counts per child of `root` (every child, zero included), folded from the per-path counts; cases
   * filed on `root` itself (no child holds them) count under `root`. A leaf answers itself.
   */
  private async byRegion(principal: Principal, root: Region | null, rows: Row[]): Promise<CaseStatsVO['byRegion']> {
    if (!scopePrefix(principal)) return [];
    const children = root
      ? await this.regions.children(root.id)
      : await this.dataSource.getRepository(Region).find({ where: { parentId: IsNull() }, order: { name: 'ASC' } });
    const buckets = [...children, ...(root ? [root] : [])].map((r) => ({
      regionId: r.id,
      name: r.name,
      path: r.path,
      count: 0,
    }));
    for (const row of rows) {
      const path = String(row.k);
      // Children first: the root's bucket only takes what no child claims.
      const bucket = buckets.find((b) => path.startsWith(b.path));
      if (bucket) bucket.count += num(row.n);
    }
    const own = root ? buckets[buckets.length - 1] : undefined;
    return buckets
      .filter((b) => b !== own || b.count > 0 || children.length === 0)
      .map(({ regionId, name, count }) => ({ regionId, name, count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN'));
  }
}
