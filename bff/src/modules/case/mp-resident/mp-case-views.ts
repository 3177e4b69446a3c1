import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { caseLimits } from '@zhili/shared';
import type {
  CaseCategoryVO,
  CaseEventType,
  CaseEventVO,
  MpCaseDetailVO,
  MpCaseItemVO,
  NearbyCaseVO,
} from '@zhili/shared';
import { CaseViewsService, slaStateOf } from '../core/case-views.service';
import type { CaseCategory, CaseRecord } from '../entities';

const DAY_MS = 86_400_000;
/** Characters of a description shown in a nearby suggestion (enough to recognise the problem). */
export const NEARBY_DESCRIPTION_CHARS = 60;
/** Timeline events a resident causes: their names are residents' identities, never shown to other residents. */
const RESIDENT_EVENTS: readonly CaseEventType[] = ['created', 'rate', 'dispute', 'followed'];
/** Of those, the ones the reporter made themselves (they may see their own name). */
const REPORTER_EVENTS: readonly CaseEventType[] = ['created', 'rate', 'dispute'];
const RESIDENT_NAME = '居民';

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

/** Whether a resident may file this case's reporter-only actions (rating, dispute, subscriptions). */
export function isReporter(record: CaseRecord, userId: string): boolean {
  return record.reporterKind === 'mp' && record.reporterId === userId;
}

/** Resolved, or closed with the outcome "fixed": the states a reporter may rate or dispute. */
function isSettledAsFixed(record: CaseRecord): boolean {
  return record.status === 'resolved' || (record.status === 'closed' && record.outcome === 'fixed');
}

/** Last moment the reporter may say "not fixed", when the case is in a state that allows it. */
export function disputeUntil(record: CaseRecord): Date | null {
  if (!isSettledAsFixed(record) || !record.resolvedAt) return null;
  return new Date(+new Date(record.resolvedAt) + caseLimits.disputeWindowDays * DAY_MS);
}

/** `text` cut to `max` characters (code points, so no half emoji), with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

export function toCategoryVO(c: CaseCategory): CaseCategoryVO {
  return {
    code: c.code,
    name: c.name,
    icon: c.icon,
    description: c.description,
    department: c.department,
    slaHours: c.slaHours,
    acceptHours: c.acceptHours,
    active: c.active,
    sortOrder: c.sortOrder,
    // Residents see before they report whether the report will be published (report form).
    isPublic: Boolean(c.isPublic),
  };
}

/**
 * The resident's views of cases (mini-program). A resident only ever sees cases they filed or
 * follow; the timeline keeps staff names (accountability) but hides every other resident: the
 * reporter of a followed case and the other followers appear as 居民.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MpCaseViews {
  @Inject()
  private views!: CaseViewsService;

  async items(records: readonly CaseRecord[], viewerId: string): Promise<MpCaseItemVO[]> {
    const cats = await this.views.categoryMap();
    return records.map((r) => this.item(r, viewerId, cats.get(r.categoryCode)));
  }

  async detail(record: CaseRecord, viewerId: string, now = new Date()): Promise<MpCaseDetailVO> {
    const cats = await this.views.categoryMap();
    const item = this.item(record, viewerId, cats.get(record.categoryCode));
    const reporter = isReporter(record, viewerId);
    const until = disputeUntil(record);
    const unrated = record.rating === null;
    return {
      ...item,
      address: record.address,
      location: record.lng !== null && record.lat !== null ? [record.lng, record.lat] : null,
      photos: this.views.photos(record.photoIds, 'before'),
      events: (await this.views.events(record.id)).map((e) => this.maskResident(e, reporter)),
      rating: record.rating,
      ratingComment: record.ratingComment,
      resolution: record.resolution,
      rejectReason: record.rejectReason,
      canRate: reporter && unrated && isSettledAsFixed(record),
      canDispute: reporter && until !== null && +now <= +until,
      disputeUntil: reporter ? iso(until) : null,
      followerCount: record.followerCount,
    };
  }

  /** A nearby suggestion: no reporter, no photos, a short description. */
  nearby(record: CaseRecord, category: CaseCategory | undefined, distanceM: number, followed: boolean): NearbyCaseVO {
    return {
      id: record.id,
      no: record.no,
      categoryName: category?.name ?? record.categoryCode,
      description: truncate(record.description, NEARBY_DESCRIPTION_CHARS),
      status: record.status,
      distanceM: Math.round(distanceM),
      followerCount: record.followerCount,
      followed,
      createdAt: iso(record.createdAt) as string,
    };
  }

  private item(r: CaseRecord, viewerId: string, category: CaseCategory | undefined): MpCaseItemVO {
    return {
      id: r.id,
      no: r.no,
      categoryName: category?.name ?? r.categoryCode,
      categoryIcon: category?.icon ?? 'more',
      description: r.description,
      status: r.status,
      outcome: r.outcome,
      following: !isReporter(r, viewerId),
      rated: r.rating !== null,
      slaState: slaStateOf(r),
      thumbUrl: r.photoIds.length ? this.views.photos([r.photoIds[0]], 'before')[0].url : null,
      createdAt: iso(r.createdAt) as string,
      updatedAt: iso(r.updatedAt) as string,
    };
  }

  /** Residents other than the viewer appear as 居民; the reporter keeps the name on their own steps. */
  private maskResident(e: CaseEventVO, viewerIsReporter: boolean): CaseEventVO {
    if (!RESIDENT_EVENTS.includes(e.type)) return e;
    if (e.actor.kind !== 'mp' && e.actor.kind !== 'external') return e;
    if (viewerIsReporter && REPORTER_EVENTS.includes(e.type)) return e;
    return { ...e, actor: { ...e.actor, name: RESIDENT_NAME } };
  }
}
