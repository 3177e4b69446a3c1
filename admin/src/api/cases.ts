/**
 * Case console API (`/api/admin/cases*`, docs/CONTRACTS.md "Cases (issue #5)" → "Staff API").
 * Wire shapes come from `@zhili/shared`. Calls whose errors the screens explain themselves
 * (actions: 409 CONFLICT reloads the case) are `silent`.
 */
import type {
  CaseActionBody,
  CaseBatchResult,
  CaseDetailVO,
  CaseListItemVO,
  CaseMapPointVO,
  CasePiiVO,
  CasePriority,
  CaseSavedViewVO,
  CaseSource,
  CaseStatsVO,
  CaseStatus,
  CaseRelocateBody,
  DispatchCandidatesVO,
  RegionWorkerVO,
} from '@zhili/shared';
import { http } from './http';
import { ADMIN, flatQuery, seg, type PageQuery } from './registry/query';

/** Filters of `GET /cases` (and `/cases/map`). */
export interface CaseFilterQuery {
  status?: readonly CaseStatus[];
  categoryCode?: string;
  regionId?: string;
  source?: CaseSource | '';
  priority?: CasePriority | '';
  /** Case number or words of the description. */
  q?: string;
  /** `me` = cases assigned to the caller. */
  assignee?: string;
  overdue?: boolean;
  /** Created from / to (ISO). */
  from?: string;
  to?: string;
  sort?: 'dueAt' | '-createdAt' | 'createdAt' | '-updatedAt';
}

function toQuery(filters: CaseFilterQuery & Partial<PageQuery>) {
  return flatQuery({ ...filters, status: filters.status ?? [], overdue: filters.overdue ? true : undefined });
}

const CASES = `${ADMIN}/cases`;

export const casesApi = {
  list: (query: PageQuery & CaseFilterQuery) => http.list<CaseListItemVO>(CASES, { query: toQuery(query) }),
  map: (query: CaseFilterQuery) => http.get<CaseMapPointVO[]>(`${CASES}/map`, { query: toQuery(query) }),
  stats: (query: { regionId?: string; from?: string; to?: string }) => http.get<CaseStatsVO>(`${CASES}/stats`, { query }),
  get: (id: string) => http.get<CaseDetailVO>(`${CASES}/${seg(id)}`, { silent: true }),
  /** Unmasked reporter contact; the BFF records the read in the audit log. */
  pii: (id: string) => http.get<CasePiiVO>(`${CASES}/${seg(id)}/pii`),
  assignees: (id: string) => http.get<RegionWorkerVO[]>(`${CASES}/${seg(id)}/assignees`),
  /** 派单候选人, grouped grid → village → town; `q` filters by name. */
  dispatchCandidates: (id: string, q = '') =>
    http.get<DispatchCandidatesVO>(`${CASES}/${seg(id)}/dispatch-candidates`, { query: q ? { q } : {}, silent: true }),
  /** 更正位置 (audited); 409 CONFLICT when the case changed meanwhile. */
  relocate: (id: string, body: CaseRelocateBody) => http.post<CaseDetailVO>(`${CASES}/${seg(id)}/location`, body, { silent: true }),
  act: (id: string, body: CaseActionBody) => http.post<CaseDetailVO>(`${CASES}/${seg(id)}/actions`, body, { silent: true }),
  addNote: (id: string, note: string, photoIds: string[]) =>
    http.post<CaseDetailVO>(`${CASES}/${seg(id)}/notes`, { note, photoIds }, { silent: true }),
  batchDispatch: (caseIds: string[], assignee: { kind: 'mp' | 'staff'; id: string }) =>
    http.post<CaseBatchResult>(`${CASES}/batch-dispatch`, { caseIds, assignee }),
};

/** Saved inbox views of the caller (≤ 20). */
export const caseViewsApi = {
  list: () => http.get<CaseSavedViewVO[]>(`${ADMIN}/case-views`, { silent: true }),
  create: (name: string, filters: CaseSavedViewVO['filters']) =>
    http.post<CaseSavedViewVO>(`${ADMIN}/case-views`, { name, filters }),
  remove: (id: string) => http.delete<null>(`${ADMIN}/case-views/${seg(id)}`),
};
