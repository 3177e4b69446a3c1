import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import type {
  CaseDetailVO,
  CaseFilterQuery,
  CaseListItemVO,
  CaseMapPointVO,
  CasePiiVO,
  RegionWorkerVO,
} from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { PiiCipher } from '../../../core/crypto/pii-cipher';
import { AppError } from '../../../core/errors/app-error';
import { inScope } from '../../../core/scope/data-scope';
import { Page, ScopedRepository } from '../../../core/scope/scoped-repository';
import { Acting, AuditActorService } from '../../../core/audit';
import { RegionService, RegionWorkersService } from '../../region';
import { CaseViewsService, slaFields } from '../core/case-views.service';
import { CaseRecord } from '../entities';
import { fromBound, toBound } from '../stats/time-range';
import { applyCaseFilters, CaseFilters, orderCases, statusList } from './case-filters';

/** Most points the map answers (newest first); the console asks to narrow the filters beyond that. */
export const MAP_POINT_LIMIT = 5000;

/** Reads of the staff case console, always through the caller's data scope (out of scope = not found). */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseAdminQueryService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private regions!: RegionService;

  @Inject()
  private workers!: RegionWorkersService;

  @Inject()
  private views!: CaseViewsService;

  @Inject()
  private cipher!: PiiCipher;

  @Inject()
  private audit!: AuditActorService;

  /** The only handle on cases this module reads through. */
  get scoped(): ScopedRepository<CaseRecord> {
    return new ScopedRepository(this.dataSource, CaseRecord, 'scopePath', 'c');
  }

  /** An in-scope case; CASE_NOT_FOUND for unknown and out-of-scope ids alike. */
  async getInScope(principal: Principal, id: string): Promise<CaseRecord> {
    const record = await this.scoped.query(principal).andWhere('c.id = :id', { id }).getOne();
    if (!record) throw new AppError('CASE_NOT_FOUND');
    return record;
  }

  /** The list's query in the form applyCaseFilters takes; `regionId` must lie in scope (404 otherwise). */
  async filtersOf(principal: Principal, query: CaseFilterQuery, now = new Date()): Promise<CaseFilters> {
    const filters: CaseFilters = { now };
    if (query.regionId) filters.regionPath = (await this.regions.getInScope(principal, query.regionId)).path;
    const { statuses, unknown } = statusList(query.status);
    if (unknown.length)
      throw new AppError('VALIDATION_FAILED', undefined, [
        { field: 'status', message: `未知的状态：${unknown.join('、')}` },
      ]);
    if (statuses.length) filters.statuses = statuses;
    if (query.categoryCode) filters.categoryCode = query.categoryCode;
    if (query.source) filters.source = query.source;
    if (query.priority) filters.priority = query.priority;
    if (query.q) filters.q = query.q;
    if (query.assignee) filters.assigneeId = query.assignee === 'me' ? principal.id : query.assignee;
    if (query.overdue) filters.overdue = true;
    filters.createdFrom = fromBound(query.from);
    filters.createdTo = toBound(query.to);
    return filters;
  }

  async list(
    principal: Principal,
    query: CaseFilterQuery & { page: number; pageSize: number },
  ): Promise<Page<CaseListItemVO>> {
    const now = new Date();
    const filters = await this.filtersOf(principal, query, now);
    const page = await this.scoped.list(
      principal,
      query,
      (qb) => orderCases(applyCaseFilters(qb, 'c', filters), 'c', query.sort || undefined),
      filters.regionPath,
    );
    return { items: await this.views.listItems(page.items, now), total: page.total };
  }

  /** Located cases matching the filters, newest first, at most MAP_POINT_LIMIT. */
  async map(principal: Principal, query: CaseFilterQuery): Promise<CaseMapPointVO[]> {
    const now = new Date();
    const filters = await this.filtersOf(principal, query, now);
    const rows = await applyCaseFilters(this.scoped.query(principal, filters.regionPath), 'c', filters)
      .andWhere('c.lng IS NOT NULL AND c.lat IS NOT NULL')
      .select(['c.id', 'c.no', 'c.status', 'c.categoryCode', 'c.lng', 'c.lat', 'c.dueAt', 'c.warnAt'])
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .take(MAP_POINT_LIMIT)
      .getMany();
    return rows.map((r) => ({
      id: r.id,
      no: r.no,
      status: r.status,
      categoryCode: r.categoryCode,
      location: [r.lng as number, r.lat as number],
      ...slaFields(r, now),
    }));
  }

  async detail(principal: Principal, id: string): Promise<CaseDetailVO> {
    return this.views.detail(await this.getInScope(principal, id), principal);
  }

  /** Unmasked contact phone and reporter name of an in-scope case; every read is audited. */
  async pii(acting: Acting, id: string): Promise<CasePiiVO> {
    const record = await this.getInScope(acting.actor, id);
    const result = { contactPhone: this.cipher.open(record.contactPhone), reporterName: record.reporterName };
    await this.audit.record(acting, {
      action: 'case.pii.read',
      resourceType: 'case',
      resourceId: record.id,
      result: 'success',
      detail: {
        no: record.no,
        fields: ['contactPhone', 'reporterName'],
        present: { contactPhone: result.contactPhone !== null, reporterName: result.reporterName !== null },
      },
    });
    return result;
  }

  /**
   * Whom the case can be dispatched to: workers of its grid, then of the grid's village/community
   * (only regions inside the caller's scope — a grid leader cannot dispatch to the village office).
   */
  async assignees(principal: Principal, id: string): Promise<RegionWorkerVO[]> {
    const record = await this.getInScope(principal, id);
    const region = await this.regions.find(record.regionId);
    const ids = [record.regionId];
    if (region?.level === 'grid' && region.parentId) {
      const parent = await this.regions.find(region.parentId);
      if (parent && inScope(principal, parent.path)) ids.push(parent.id);
    }
    const byRegion = await this.workers.byRegion(ids);
    const seen = new Set<string>();
    return ids
      .flatMap((regionId) => byRegion.get(regionId) ?? [])
      .filter((w) => {
        const key = `${w.kind}:${w.id}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
  }
}
