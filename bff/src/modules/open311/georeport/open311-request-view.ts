import { gcj02ToWgs84, maskIdNumber, maskPhone } from '@zhili/shared';
import type { Open311RequestVO } from '@zhili/shared';
import type { CaseRecord } from '../../case';
import type { CaseCategory } from '../../case';
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
 * Phone and ID numbers in a published text are masked, as in every other view of ours — a safety net
 * under the staff review (only staff-reviewed `publicDescription` texts are published at all).
 */
export function maskPublicText(text: string): string {
  return text.replace(ID_NUMBER, (id) => maskIdNumber(id)).replace(MOBILE, (phone) => maskPhone(phone));
}

/** The service notice of a category: what the jurisdiction promises (working-time SLAs). */
export function serviceNoticeOf(category: CaseCategory | undefined): string | null {
  if (!category) return null;
  return `受理时限 ${category.acceptHours} 个工作小时，办结时限 ${category.slaHours} 个工作小时（按法定工作时间计）`;
}

const round7 = (n: number) => Math.round(n * 1e7) / 1e7;

/**
 * Cell size (degrees, WGS84) of the coarse grid a non-publishable case's position is snapped to:
 * 0.005° is ~555 m north–south and ~480 m east–west at 30° N — the village area, never the house.
 */
export const OPEN311_COARSE_GRID_DEG = 0.005;

/** The centre of the coarse grid cell holding `v` (so every case of a cell shows the same point). */
export function coarseCoordinate(v: number): number {
  return round7((Math.floor(v / OPEN311_COARSE_GRID_DEG) + 0.5) * OPEN311_COARSE_GRID_DEG);
}

/**
 * Whether a case goes out in full (staff-reviewed text, address, exact position, posted photo): only
 * when its category is public and the resident did not report anonymously — the pin and the address
 * of an anonymous report may be the reporter's own doorstep.
 */
export function isPublishable(
  c: Pick<CaseRecord, 'anonymous'>,
  category: Pick<CaseCategory, 'isPublic'> | undefined,
): boolean {
  return Boolean(category?.isPublic) && !c.anonymous;
}

/**
 * One `request` of GET requests. Never carries the reporter (name, phone, account), the resident's
 * own text, nor internal notes; coordinates go out in WGS84 as the spec requires (we store GCJ-02).
 * A publishable case (see isPublishable) shows the staff-reviewed `publicDescription` (null until
 * staff wrote one), its address, exact position and an Open311-posted photo; any other case shows
 * status, category and dates only, with its position snapped to the coarse grid.
 */
export function toOpen311Request(c: CaseRecord, ctx: RequestViewContext): Open311RequestVO {
  const category = ctx.categories.get(c.categoryCode);
  const status = open311StatusOf(c.status);
  const full = isPublishable(c, category);
  const wgs = c.lng !== null && c.lat !== null ? gcj02ToWgs84([Number(c.lng), Number(c.lat)]) : null;
  const place = (v: number) => (full ? round7(v) : coarseCoordinate(v));
  const closedAt = c.closedAt ?? (c.status === 'resolved' ? c.resolvedAt : null);
  return {
    service_request_id: c.no,
    status,
    status_notes: statusNotesOf(
      {
        status: c.status,
        outcome: c.outcome,
        rejectReason: c.rejectReason,
        resolution: c.resolution,
        mergedIntoNo: ctx.mergedNos.get(c.id) ?? null,
      },
      full,
    ),
    service_name: category?.name ?? c.categoryCode,
    service_code: c.categoryCode,
    description: full && c.publicDescription ? maskPublicText(c.publicDescription) : null,
    agency_responsible: c.department ?? category?.department ?? null,
    service_notice: serviceNoticeOf(category),
    requested_datetime: formatW3(c.createdAt),
    updated_datetime: formatW3(status === 'closed' ? (closedAt ?? c.updatedAt) : c.updatedAt),
    expected_datetime: formatW3(c.dueAt),
    address: full ? c.address : null,
    address_id: null,
    zipcode: null,
    lat: wgs ? place(wgs[1]) : null,
    long: wgs ? place(wgs[0]) : null,
    media_url: full ? (ctx.mediaUrls.get(c.id) ?? null) : null,
  };
}
