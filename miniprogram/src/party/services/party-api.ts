import { routes } from '@zhili/shared/client';
import type { ApiList, MyMeetingDetailVO, MyMeetingsVO, MyNoticeVO, MyPartyHomeVO } from '@zhili/shared/client';
import { api } from '../../services/contract-client';

/**
 * The party subpackage's calls, typed by the shared contract. All silent: every party page shows a
 * failure itself (the load's error state, or the refusal under the check-in buttons), never a toast too.
 */
const SILENT = { silent: true } as const;

export const PARTY_NOTICE_PAGE_SIZE = 10;

export function fetchPartyHome(): Promise<MyPartyHomeVO> {
  return api(routes.mpPartyHome.me, {}, SILENT);
}

export function fetchMyNotices(page: number): Promise<ApiList<MyNoticeVO>> {
  return api(routes.mpPartyNotices.list, { query: { page, pageSize: PARTY_NOTICE_PAGE_SIZE } }, SILENT);
}

/** Opening a notice records it as read. */
export function openNotice(id: string): Promise<MyNoticeVO> {
  return api(routes.mpPartyNotices.get, { params: { id } }, SILENT);
}

export function fetchMyMeetings(): Promise<MyMeetingsVO> {
  return api(routes.mpPartyMyMeetings.list, {}, SILENT);
}

export function fetchMyMeeting(id: string): Promise<MyMeetingDetailVO> {
  return api(routes.mpPartyMyMeetings.get, { params: { id } }, SILENT);
}

export function checkInByQr(id: string, token: string) {
  return api(routes.mpPartyMeetings.checkIn, { params: { id }, body: { method: 'qr', token } }, SILENT);
}

export function checkInByLocation(id: string, lng: number, lat: number) {
  return api(routes.mpPartyMeetings.checkIn, { params: { id }, body: { method: 'location', lng, lat } }, SILENT);
}

export function requestLeave(id: string, reason: string): Promise<void> {
  return api(routes.mpPartyMeetings.requestLeave, { params: { id }, body: { reason } }, SILENT);
}
