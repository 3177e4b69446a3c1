/**
 * The inbox / map filter state, its query form for the BFF, its saved-view form (a flat string
 * record, `CaseSavedViewVO.filters`) and a client-side matcher used to decide whether a live
 * `case:changed` row belongs in the current list.
 */
import {
  allCaseStatuses,
  casePriorityLabels,
  caseSourceLabels,
  type CaseListItemVO,
  type CasePriority,
  type CaseSource,
  type CaseStatus,
} from '@zhili/shared';
import type { CaseFilterQuery } from '@/api/cases';

export type CaseSort = NonNullable<CaseFilterQuery['sort']>;

export interface CaseFilters {
  status: CaseStatus[];
  categoryCode: string;
  regionId: string;
  source: CaseSource | '';
  priority: CasePriority | '';
  q: string;
  /** 只看超时. */
  overdue: boolean;
  /** 我的待办: cases assigned to the caller. */
  mine: boolean;
  sort: CaseSort;
}

export const DEFAULT_SORT: CaseSort = '-createdAt';

export const emptyCaseFilters = (): CaseFilters => ({
  status: [],
  categoryCode: '',
  regionId: '',
  source: '',
  priority: '',
  q: '',
  overdue: false,
  mine: false,
  sort: DEFAULT_SORT,
});

/** The filters as `GET /cases` takes them. */
export function toCaseQuery(f: CaseFilters): CaseFilterQuery {
  return {
    status: [...f.status],
    categoryCode: f.categoryCode || undefined,
    regionId: f.regionId || undefined,
    source: f.source,
    priority: f.priority,
    q: f.q.trim() || undefined,
    assignee: f.mine ? 'me' : undefined,
    overdue: f.overdue,
    sort: f.sort === DEFAULT_SORT ? undefined : f.sort,
  };
}

/** Saved-view record: only the filters that are set. */
export function toSavedFilters(f: CaseFilters): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (f.status.length > 0) out.status = [...f.status];
  if (f.categoryCode) out.categoryCode = f.categoryCode;
  if (f.regionId) out.regionId = f.regionId;
  if (f.source) out.source = f.source;
  if (f.priority) out.priority = f.priority;
  if (f.q.trim()) out.q = f.q.trim();
  if (f.overdue) out.overdue = 'true';
  if (f.mine) out.assignee = 'me';
  if (f.sort !== DEFAULT_SORT) out.sort = f.sort;
  return out;
}

const sorts: readonly CaseSort[] = ['dueAt', '-createdAt', 'createdAt', '-updatedAt'];
const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const isIn = <T extends string>(keys: readonly T[], v: string): v is T => (keys as readonly string[]).includes(v);

/** Filters from a saved view; unknown or stale values are dropped rather than sent. */
export function fromSavedFilters(saved: Record<string, string | string[]>): CaseFilters {
  const rawStatus = saved.status;
  const statusList = Array.isArray(rawStatus) ? rawStatus : (rawStatus ?? '').split(',');
  const source = one(saved.source);
  const priority = one(saved.priority);
  const sort = one(saved.sort);
  return {
    status: statusList.filter((s): s is CaseStatus => isIn(allCaseStatuses, s)),
    categoryCode: one(saved.categoryCode),
    regionId: one(saved.regionId),
    source: isIn(Object.keys(caseSourceLabels) as CaseSource[], source) ? source : '',
    priority: isIn(Object.keys(casePriorityLabels) as CasePriority[], priority) ? priority : '',
    q: one(saved.q),
    overdue: one(saved.overdue) === 'true',
    mine: one(saved.assignee) === 'me',
    sort: isIn(sorts, sort) ? sort : DEFAULT_SORT,
  };
}

/** Facts the matcher cannot read from the row itself. */
export interface MatchContext {
  /** Signed-in staff id (for 我的待办). */
  userId: string | null;
  /** Region path (`/<root>/…/<id>/`) by region id, for the subtree filter. */
  regionPath: (id: string) => string | undefined;
}

/** Whether a live row satisfies the filters (unknown region paths count as a match: the BFF scoped it). */
export function matchesFilters(item: CaseListItemVO, f: CaseFilters, ctx: MatchContext): boolean {
  if (f.status.length > 0 && !f.status.includes(item.status)) return false;
  if (f.categoryCode && item.categoryCode !== f.categoryCode) return false;
  if (f.source && item.source !== f.source) return false;
  if (f.priority && item.priority !== f.priority) return false;
  if (f.overdue && item.slaState !== 'overdue') return false;
  if (f.mine && (!ctx.userId || item.assignee?.id !== ctx.userId)) return false;
  const q = f.q.trim();
  if (q && !item.no.includes(q) && !item.description.includes(q)) return false;
  if (f.regionId && item.regionId !== f.regionId) {
    const path = ctx.regionPath(item.regionId);
    if (path && !path.includes(`/${f.regionId}/`)) return false;
  }
  return true;
}

/** Count of filters that narrow the list (for the 已筛选 badge). */
export function activeFilterCount(f: CaseFilters): number {
  return [f.status.length > 0, f.categoryCode, f.regionId, f.source, f.priority, f.q.trim(), f.overdue, f.mine].filter(
    Boolean,
  ).length;
}

/** The filters last used on 工单受理 or 工单地图, so switching between the two keeps them. */
let remembered: CaseFilters | null = null;

export function rememberFilters(f: CaseFilters): void {
  remembered = { ...f, status: [...f.status] };
}

export function recallFilters(): CaseFilters {
  return remembered ? { ...remembered, status: [...remembered.status] } : emptyCaseFilters();
}
