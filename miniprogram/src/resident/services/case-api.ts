import { routes as contractRoutes } from '@zhili/shared/client';
import type { MpCaseStatusFilter } from '@zhili/shared/client';
import { api } from '../../services/contract-client';

/** Calls of the resident case API through the shared contract (`routes.mpCases`). All silent: pages show errors. */

export const CASE_PAGE_SIZE = 20;

export type MyCaseScope = 'mine' | 'following';
export type MyCaseStatus = MpCaseStatusFilter;

const routes = contractRoutes.mpCases;
const silent = { silent: true } as const;

export function fetchCategories() {
  return api(routes.categories, {}, silent);
}

export function fetchSubscribeTemplates() {
  return api(routes.templates, {}, silent);
}

/** Open cases of the category near the point (≤ 10, nearest first). */
export function fetchNearby(point: { lng: number; lat: number }, categoryCode: string) {
  return api(routes.nearby, { query: { lng: point.lng, lat: point.lat, categoryCode } }, silent);
}

export function fetchMyCases(params: { scope: MyCaseScope; status?: MyCaseStatus; page: number }) {
  return api(
    routes.list,
    { query: { scope: params.scope, status: params.status, page: params.page, pageSize: CASE_PAGE_SIZE } },
    silent,
  );
}

export function fetchCase(id: string) {
  return api(routes.detail, { params: { id } }, silent);
}

/** 附议 (+1) or its undo. */
export function setFollow(id: string, follow: boolean) {
  return api(follow ? routes.follow : routes.unfollow, { params: { id } }, silent);
}

export function rateCase(id: string, rating: number, comment: string) {
  return api(routes.rate, { params: { id }, body: comment ? { rating, comment } : { rating } }, silent);
}

export function disputeCase(id: string, reason: string, photoIds: string[]) {
  return api(routes.dispute, { params: { id }, body: { reason, photoIds } }, silent);
}

/** Records the templates the user accepted, so the BFF may send those messages. */
export function saveSubscriptions(id: string, templateIds: string[]) {
  return api(routes.subscribe, { params: { id }, body: { templateIds } }, silent);
}
