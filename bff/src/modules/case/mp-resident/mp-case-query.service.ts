import { Config, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { In, Repository } from 'typeorm';
import { metresPerDegree, nearbyMaxRadiusM, openCaseStatuses, terminalCaseStatuses } from '@zhili/shared';
import type {
  CaseCategoryVO,
  CaseStatus,
  CaseSubscribeTemplatesVO,
  MpCaseItemVO,
  MpCaseListQuery,
  MpCaseStatusFilter,
  MpNearbyQuery,
  NearbyCaseVO,
} from '@zhili/shared';
import type { CaseEnv } from '../case.config';
import { AppError } from '../../../core/errors/app-error';
import { CaseCategory, CaseFollower, CaseRecord } from '../entities';
import { isReporter, MpCaseViews, toCategoryVO } from './mp-case-views';

/** At most this many suggestions (nearest first). */
const NEARBY_LIMIT = 10;
/** Candidates read from the bounding box before exact distances (newest first); plenty at town density. */
const NEARBY_CANDIDATES = 300;

/** Cases a resident may find nearby and follow: open, and past content review (a held case is not public). */
export const FOLLOWABLE_STATUSES: readonly CaseStatus[] = openCaseStatuses.filter((s) => s !== 'pending_review');

const STATUS_GROUPS: Record<MpCaseStatusFilter, readonly CaseStatus[]> = {
  open: openCaseStatuses,
  resolved: ['resolved'],
  closed: terminalCaseStatuses,
};

/** Metres between two nearby GCJ-02 points (local equirectangular projection, as the geo index uses). */
export function distanceM(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const k = metresPerDegree((a.lat + b.lat) / 2);
  return Math.hypot((a.lng - b.lng) * k.x, (a.lat - b.lat) * k.y);
}

/** The case as the resident may see it, and why they may. */
export interface VisibleCase {
  record: CaseRecord;
  reporter: boolean;
}

/** Read side of the resident's case API: categories, templates, nearby suggestions, lists, access. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MpCaseQueryService {
  @InjectEntityModel(CaseRecord)
  private cases!: Repository<CaseRecord>;

  @InjectEntityModel(CaseCategory)
  private categories!: Repository<CaseCategory>;

  @InjectEntityModel(CaseFollower)
  private followers!: Repository<CaseFollower>;

  @Inject()
  private views!: MpCaseViews;

  @Config('zhili.modules.case')
  private env!: CaseEnv;

  async activeCategories(): Promise<CaseCategoryVO[]> {
    const rows = await this.categories.find({ where: { active: true }, order: { sortOrder: 'ASC', code: 'ASC' } });
    return rows.map(toCategoryVO);
  }

  templates(): CaseSubscribeTemplatesVO {
    return {
      accepted: this.env.WECHAT_TMPL_CASE_ACCEPTED,
      dispatched: this.env.WECHAT_TMPL_CASE_DISPATCHED,
      resolved: this.env.WECHAT_TMPL_CASE_RESOLVED,
    };
  }

  /**
   * Open cases of the category around a point, for "someone already reported this — follow it
   * instead". A bounding box on (category, lat, lng) uses idx_case_category_loc; exact distances
   * then drop the box's corners. The caller's own cases are left out (they cannot follow them).
   */
  async nearby(userId: string, q: MpNearbyQuery): Promise<NearbyCaseVO[]> {
    const radius = Math.min(q.radiusM ?? this.env.CASE_NEARBY_RADIUS_M, nearbyMaxRadiusM);
    const k = metresPerDegree(q.lat);
    const dLat = radius / k.y;
    const dLng = radius / k.x;
    const rows = await this.cases
      .createQueryBuilder('c')
      .where('c.categoryCode = :code', { code: q.categoryCode })
      .andWhere('c.lat BETWEEN :minLat AND :maxLat', { minLat: q.lat - dLat, maxLat: q.lat + dLat })
      .andWhere('c.lng BETWEEN :minLng AND :maxLng', { minLng: q.lng - dLng, maxLng: q.lng + dLng })
      .andWhere('c.status IN (:...statuses)', { statuses: FOLLOWABLE_STATUSES })
      .andWhere("(c.reporterKind <> 'mp' OR c.reporterId <> :me)", { me: userId })
      .orderBy('c.createdAt', 'DESC')
      .take(NEARBY_CANDIDATES)
      .getMany();
    const near = rows
      .map((record) => ({ record, d: distanceM(q, { lng: record.lng as number, lat: record.lat as number }) }))
      .filter((x) => x.d <= radius)
      .sort((a, b) => a.d - b.d)
      .slice(0, NEARBY_LIMIT);
    if (!near.length) return [];
    const followed = await this.followedAmong(
      userId,
      near.map((x) => x.record.id),
    );
    const category = await this.categories.findOne({ where: { code: q.categoryCode } });
    return near.map((x) => this.views.nearby(x.record, category ?? undefined, x.d, followed.has(x.record.id)));
  }

  /** The caller's cases (`mine`) or the ones they follow, newest first. */
  async list(userId: string, q: MpCaseListQuery): Promise<{ items: MpCaseItemVO[]; total: number }> {
    const qb = this.cases.createQueryBuilder('c');
    if (q.scope === 'following') {
      qb.where(
        (sub) =>
          `c.id IN ${sub.subQuery().select('f.caseId').from(CaseFollower, 'f').where('f.userId = :me').getQuery()}`,
        { me: userId },
      );
    } else {
      qb.where("c.reporterKind = 'mp' AND c.reporterId = :me", { me: userId });
    }
    if (q.status) qb.andWhere('c.status IN (:...statuses)', { statuses: STATUS_GROUPS[q.status] });
    const [rows, total] = await qb
      .orderBy('c.createdAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items: await this.views.items(rows, userId), total };
  }

  /** The case when the caller filed or follows it; 404 otherwise (a resident never learns of others' cases). */
  async visible(userId: string, caseId: string): Promise<VisibleCase> {
    const record = await this.cases.findOne({ where: { id: caseId } });
    if (!record) throw new AppError('CASE_NOT_FOUND');
    if (isReporter(record, userId)) return { record, reporter: true };
    if (await this.followers.exist({ where: { caseId, userId } })) return { record, reporter: false };
    throw new AppError('CASE_NOT_FOUND');
  }

  /** Like `visible`, but only for the reporter (rating, dispute, subscriptions). */
  async reported(userId: string, caseId: string): Promise<CaseRecord> {
    const { record, reporter } = await this.visible(userId, caseId);
    if (!reporter) throw new AppError('CASE_ACTION_FORBIDDEN', '只有上报人可以进行此操作');
    return record;
  }

  private async followedAmong(userId: string, caseIds: string[]): Promise<Set<string>> {
    const rows = await this.followers.find({ where: { userId, caseId: In(caseIds) }, select: { caseId: true } });
    return new Set(rows.map((r) => r.caseId));
  }
}
