import type {
  ApiList,
  CaseCategoryVO,
  CaseSubscribeTemplatesVO,
  MpCaseDetailVO,
  MpCaseItemVO,
  NearbyCaseVO,
} from '@zhili/shared';
import { request, requestList } from '../../services/request';

/** Typed calls of the resident case API (`/api/mp/...`, docs/CONTRACTS.md "Cases"). All silent: pages show errors. */

export const CASE_PAGE_SIZE = 20;

export type MyCaseScope = 'mine' | 'following';
export type MyCaseStatus = 'open' | 'resolved' | 'closed';

const enc = encodeURIComponent;

export function fetchCategories(): Promise<CaseCategoryVO[]> {
  return request<CaseCategoryVO[]>('/api/mp/case-categories', { silent: true });
}

export function fetchSubscribeTemplates(): Promise<CaseSubscribeTemplatesVO> {
  return request<CaseSubscribeTemplatesVO>('/api/mp/cases/subscribe-templates', { silent: true });
}

/** Open cases of the category near the point (≤ 10, nearest first). */
export function fetchNearby(point: { lng: number; lat: number }, categoryCode: string): Promise<NearbyCaseVO[]> {
  return request<NearbyCaseVO[]>('/api/mp/cases/nearby', { data: { lng: point.lng, lat: point.lat, categoryCode }, silent: true });
}

export function fetchMyCases(params: { scope: MyCaseScope; status?: MyCaseStatus; page: number }): Promise<ApiList<MpCaseItemVO>> {
  const data: Record<string, string | number> = { scope: params.scope, page: params.page, pageSize: CASE_PAGE_SIZE };
  if (params.status) data.status = params.status;
  return requestList<MpCaseItemVO>('/api/mp/cases', { data, silent: true });
}

export function fetchCase(id: string): Promise<MpCaseDetailVO> {
  return request<MpCaseDetailVO>(`/api/mp/cases/${enc(id)}`, { silent: true });
}

export interface FollowResult {
  followed: boolean;
  followerCount: number;
}

/** 附议 (+1) or its undo. */
export function setFollow(id: string, follow: boolean): Promise<FollowResult> {
  return request<FollowResult>(`/api/mp/cases/${enc(id)}/follow`, { method: follow ? 'POST' : 'DELETE', silent: true });
}

export function rateCase(id: string, rating: number, comment: string): Promise<MpCaseDetailVO> {
  const data = comment ? { rating, comment } : { rating };
  return request<MpCaseDetailVO>(`/api/mp/cases/${enc(id)}/rate`, { method: 'POST', data, silent: true });
}

export function disputeCase(id: string, reason: string, photoIds: string[]): Promise<MpCaseDetailVO> {
  return request<MpCaseDetailVO>(`/api/mp/cases/${enc(id)}/dispute`, { method: 'POST', data: { reason, photoIds }, silent: true });
}

/** Records the templates the user accepted, so the BFF may send those messages. */
export function saveSubscriptions(id: string, templateIds: string[]): Promise<{ ok: true }> {
  return request<{ ok: true }>(`/api/mp/cases/${enc(id)}/subscriptions`, { method: 'POST', data: { templateIds }, silent: true });
}
