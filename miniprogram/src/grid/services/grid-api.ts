import type {
  ApiList,
  HouseholdDetailVO,
  HouseholdType,
  HouseholdVO,
  MpGridOverviewVO,
  PersonDetailVO,
  PersonVO,
  VisitDueStatus,
  VisitDueVO,
  VisitVO,
} from '@zhili/shared';
import { API_BASE, request, requestList } from '../../services/request';

/** Typed calls of the grid worker API (`/api/mp/grid/*`, docs/CONTRACTS.md). Everything is masked. */

export const GRID_PAGE_SIZE = 20;

export interface GridListQuery {
  q?: string;
  page: number;
}

function query(params: Record<string, string | number | undefined>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') out[key] = value;
  return out;
}

export function fetchGridOverview(): Promise<MpGridOverviewVO> {
  return request<MpGridOverviewVO>('/api/mp/grid/overview', { silent: true });
}

export function fetchHouseholds(params: GridListQuery & { type?: HouseholdType }): Promise<ApiList<HouseholdVO>> {
  return requestList<HouseholdVO>('/api/mp/grid/households', { data: query({ ...params, pageSize: GRID_PAGE_SIZE }), silent: true });
}

export function fetchHousehold(id: string): Promise<HouseholdDetailVO> {
  return request<HouseholdDetailVO>(`/api/mp/grid/households/${encodeURIComponent(id)}`, { silent: true });
}

export function fetchPersons(params: GridListQuery & { tag?: string }): Promise<ApiList<PersonVO>> {
  return requestList<PersonVO>('/api/mp/grid/persons', { data: query({ ...params, pageSize: GRID_PAGE_SIZE }), silent: true });
}

export function fetchPerson(id: string): Promise<PersonDetailVO> {
  return request<PersonDetailVO>(`/api/mp/grid/persons/${encodeURIComponent(id)}`, { silent: true });
}

export function fetchVisitsDue(params: { status?: VisitDueStatus; page: number }): Promise<ApiList<VisitDueVO>> {
  return requestList<VisitDueVO>('/api/mp/grid/visits/due', { data: query({ ...params, pageSize: GRID_PAGE_SIZE }), silent: true });
}

export interface NewVisit {
  personId: string;
  /** ISO 8601; the BFF defaults to now. */
  visitedAt?: string;
  note: string;
  photoIds: string[];
}

export function recordVisit(visit: NewVisit): Promise<VisitVO> {
  return request<VisitVO>('/api/mp/grid/visits', { method: 'POST', data: visit, silent: true });
}

/** Signed file URLs are relative to the BFF; the weapp needs them absolute. */
export function fileUrl(url: string): string {
  return /^https?:\/\//.test(url) ? url : `${API_BASE}${url}`;
}
