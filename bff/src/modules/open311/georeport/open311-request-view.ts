import { gcj02ToWgs84, maskIdNumber, maskPhone } from '@zhili/shared';
import type { CaseRecord } from '../../case/entities';
import type { CaseCategory } from '../../case/entities';
import type { Open311Value } from './open311-format';
import { formatW3 } from './open311-params';
import { open311StatusOf, statusNotesOf } from './open311-status';

/** What a request view needs besides the case itself. */
export interface RequestViewContext {
  categories: ReadonlyMap<string, CaseCategory>;
  /** Case id → number of the case it was merged into. */
  mergedNos: ReadonlyMap<string, string>;
  /** Case id → media URL its Open311 client posted. */
  mediaUrls: ReadonlyMap<string, string>;
}

const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const ID_NUMBER = /(?<![\dXx])\d{17}[\dXx](?![\dXx])/g;

/**
 * Descriptions are published, but residents sometimes type a phone or ID number into them: those
 * are masked, as in every other view of ours.
 */
export function publicDescription(text: string): string {
  return text.replace(ID_NUMBER, (id) => maskIdNumber(id)).replace(MOBILE, (phone) => maskPhone(phone));
}

/** The service notice of a category: what the jurisdiction promises (working-time SLAs). */
export function serviceNoticeOf(category: CaseCategory | undefined): string | null {
  if (!category) return null;
  return `受理时限 ${category.acceptHours} 个工作小时，办结时限 ${category.slaHours} 个工作小时（按法定工作时间计）`;
}

const round7 = (n: number) => Math.round(n * 1e7) / 1e7;

/**
 * One `request` of GET requests. Never carries the reporter (name, phone, account) nor internal
 * notes; coordinates go out in WGS84 as the spec requires (we store GCJ-02).
 */
export function toOpen311Request(c: CaseRecord, ctx: RequestViewContext): Open311Value {
  const category = ctx.categories.get(c.categoryCode);
  const status = open311StatusOf(c.status);
  const wgs = c.lng !== null && c.lat !== null ? gcj02ToWgs84([Number(c.lng), Number(c.lat)]) : null;
  const closedAt = c.closedAt ?? (c.status === 'resolved' ? c.resolvedAt : null);
  return {
    service_request_id: c.no,
    status,
    status_notes: statusNotesOf({ status: c.status, outcome: c.outcome, rejectReason: c.rejectReason, resolution: c.resolution, mergedIntoNo: ctx.mergedNos.get(c.id) ?? null }),
    service_name: category?.name ?? c.categoryCode,
    service_code: c.categoryCode,
    description: publicDescription(c.description),
    agency_responsible: c.department ?? category?.department ?? null,
    service_notice: serviceNoticeOf(category),
    requested_datetime: formatW3(c.createdAt),
    updated_datetime: formatW3(status === 'closed' ? (closedAt ?? c.updatedAt) : c.updatedAt),
    expected_datetime: formatW3(c.dueAt),
    address: c.address,
    address_id: null,
    zipcode: null,
    lat: wgs ? round7(wgs[1]) : null,
    long: wgs ? round7(wgs[0]) : null,
    media_url: ctx.mediaUrls.get(c.id) ?? null,
  };
}
