import { routes } from '@zhili/shared/client';
import type { ClientInput, ClientOutput, HouseholdType, mpGridRoutes, VisitDueStatus } from '@zhili/shared/client';
import { api } from '../../services/contract-client';
import { API_BASE } from '../../services/request';

/** Typed calls of the grid worker API (`/api/mp/grid/*`, the shared contract). Everything is masked. */

export const GRID_PAGE_SIZE = 20;

export interface GridListQuery {
  q?: string;
  page: number;
}

type Out<R extends keyof typeof mpGridRoutes> = Promise<ClientOutput<(typeof mpGridRoutes)[R]>>;

export function fetchGridOverview(): Out<'overview'> {
  return api(routes.mpGrid.overview, {}, { silent: true });
}

export function fetchHouseholds(params: GridListQuery & { type?: HouseholdType }): Out<'households'> {
  return api(routes.mpGrid.households, { query: { ...params, pageSize: GRID_PAGE_SIZE } }, { silent: true });
}

export function fetchHousehold(id: string): Out<'household'> {
  return api(routes.mpGrid.household, { params: { id } }, { silent: true });
}

export function fetchPersons(params: GridListQuery & { tag?: string }): Out<'persons'> {
  return api(routes.mpGrid.persons, { query: { ...params, pageSize: GRID_PAGE_SIZE } }, { silent: true });
}

export function fetchPerson(id: string): Out<'person'> {
  return api(routes.mpGrid.person, { params: { id } }, { silent: true });
}

export function fetchVisitsDue(params: { status?: VisitDueStatus; page: number }): Out<'visitsDue'> {
  return api(routes.mpGrid.visitsDue, { query: { ...params, pageSize: GRID_PAGE_SIZE } }, { silent: true });
}

/** What the form sends: person, note, uploaded photo ids and optionally when (ISO 8601; default now). */
export type NewVisit = ClientInput<typeof mpGridRoutes.recordVisit>['body'];

export function recordVisit(visit: NewVisit): Out<'recordVisit'> {
  return api(routes.mpGrid.recordVisit, { body: visit }, { silent: true });
}

/** Signed file URLs are relative to the BFF; the weapp needs them absolute. */
export function fileUrl(url: string): string {
  return /^https?:\/\//.test(url) ? url : `${API_BASE}${url}`;
}
