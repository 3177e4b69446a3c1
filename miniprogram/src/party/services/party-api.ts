import { routes } from '@zhili/shared/client';
import type {
  ApiList,
  MyAppraisalVO,
  MyMeetingDetailVO,
  MyMeetingsVO,
  MyNoticeVO,
  MyPartyHomeVO,
  PartyContactVO,
  PublishedHonourVO,
} from '@zhili/shared/client';
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

export const PARTY_HONOUR_PAGE_SIZE = 10;

/** Published honours of my organisation and the ones above it, newest first. */
export function fetchPublishedHonours(page: number): Promise<ApiList<PublishedHonourVO>> {
  return api(routes.mpPartyRecords.honours, { query: { page, pageSize: PARTY_HONOUR_PAGE_SIZE } }, SILENT);
}

/** My published 民主评议 results. */
export function fetchMyAppraisals(): Promise<MyAppraisalVO[]> {
  return api(routes.mpPartyRecords.appraisals, {}, SILENT);
}

/** A branch is rarely larger than this: one page holds it, so the search box filters the whole book. */
export const PARTY_CONTACT_PAGE_SIZE = 200;

/** My branch's contact book, phones masked by the BFF. */
export function fetchBranchContacts(page: number): Promise<ApiList<PartyContactVO>> {
  return api(routes.mpPartyArchive.contacts, { query: { page, pageSize: PARTY_CONTACT_PAGE_SIZE } }, SILENT);
}
