/**
 * Case console API (`/api/admin/cases*`): every call goes through its route of the shared contract
 * (`caseAdminRoutes`, `caseSavedViewRoutes`), so paths and shapes are written once. Calls whose
 * errors the screens explain themselves (actions: 409 CONFLICT reloads the case) are `silent`.
 */
import { caseAdminRoutes, caseSavedViewRoutes } from '@zhili/shared';
import type {
  CaseActionBody,
  CasePriority,
  CaseRelocateBody,
  CaseSavedViewVO,
  CaseSort,
  CaseSource,
  CaseStatus,
  CaseFilterQuery as ContractFilterQuery,
} from '@zhili/shared';
import { api } from './contract-client';
import { flatQuery, type PageQuery } from './registry/query';

/** Filters of `GET /cases` (and `/cases/map`) as the screens hold them: typed statuses, blank = any. */
export type CaseFilterQuery = Omit<ContractFilterQuery, 'status' | 'source' | 'priority' | 'sort'> & {
  status?: readonly CaseStatus[];
  source?: CaseSource | '';
  priority?: CasePriority | '';
  sort?: CaseSort;
};

function toQuery(filters: CaseFilterQuery & Partial<PageQuery>) {
  return flatQuery({ ...filters, status: filters.status ?? [], overdue: filters.overdue ? true : undefined });
}

const routes = caseAdminRoutes;

export const casesApi = {
  list: (query: PageQuery & CaseFilterQuery) => api(routes.list, { query: toQuery(query) }),
  map: (query: CaseFilterQuery) => api(routes.map, { query: toQuery(query) }),
  stats: (query: { regionId?: string; from?: string; to?: string }) => api(routes.stats, { query }),
  get: (id: string) => api(routes.detail, { params: { id } }, { silent: true }),
  /** Unmasked reporter contact; the BFF records the read in the audit log. */
  pii: (id: string) => api(routes.pii, { params: { id } }),
  assignees: (id: string) => api(routes.assignees, { params: { id } }),
  /** 派单候选人, grouped grid → village → town; `q` filters by name. */
  dispatchCandidates: (id: string, q = '') =>
    api(routes.dispatchCandidates, { params: { id }, query: q ? { q } : {} }, { silent: true }),
  /** 更正位置 (audited); 409 CONFLICT when the case changed meanwhile. */
  relocate: (id: string, body: CaseRelocateBody) => api(routes.relocate, { params: { id }, body }, { silent: true }),
  act: (id: string, body: CaseActionBody) => api(routes.act, { params: { id }, body }, { silent: true }),
  addNote: (id: string, note: string, photoIds: string[]) =>
    api(routes.note, { params: { id }, body: { note, photoIds } }, { silent: true }),
  batchDispatch: (caseIds: string[], assignee: { kind: 'mp' | 'staff'; id: string }) =>
    api(routes.batchDispatch, { body: { caseIds, assignee } }),
};

/** Saved inbox views of the caller (≤ 20). */
export const caseViewsApi = {
  list: () => api(caseSavedViewRoutes.list, {}, { silent: true }),
  create: (name: string, filters: CaseSavedViewVO['filters']) =>
    api(caseSavedViewRoutes.create, { body: { name, filters } }),
  remove: (id: string) => api(caseSavedViewRoutes.remove, { params: { id } }),
};
