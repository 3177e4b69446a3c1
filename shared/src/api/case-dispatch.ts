/**
 * Dispatch candidates and location correction of a case (staff console, issue #11).
 * `GET /api/admin/cases/:id/dispatch-candidates?q=` and `POST /api/admin/cases/:id/location`.
 */
import type { RegionLevelName, RegionWorkerVO } from './registry';

/** A worker the case could go to; `reason` says in plain words why not when `selectable` is false. */
export interface DispatchCandidateVO extends RegionWorkerVO {
  /** The region the worker is bound to (shown next to the name outside the case's own grid). */
  regionId: string | null;
  regionName: string | null;
  selectable: boolean;
  /** e.g. 账号已停用 / 不在您的管辖范围 / 未绑定网格; null when selectable. */
  reason: string | null;
}

/** One header of the picker: the case's grid first, then the rest of its village, then of its town. */
export interface DispatchCandidateGroupVO {
  /** The case's own region is `own`; wider rings follow outwards. */
  ring: 'own' | 'parent' | 'town';
  regionId: string;
  regionName: string;
  level: RegionLevelName;
  /** Header text, e.g. 本网格 · 幸福村一网格. */
  label: string;
  candidates: DispatchCandidateVO[];
}

export interface DispatchCandidatesVO {
  groups: DispatchCandidateGroupVO[];
  /** The name filter applied ('' = none). */
  q: string;
  /** More workers matched than were returned: narrow the name. */
  truncated: boolean;
}

/** Why a worker cannot be chosen (one wording for the picker and the refusal of a dispatch). */
export const dispatchBlockReasons = {
  disabled: '账号已停用',
  outOfScope: '不在您的管辖范围',
  noGrid: '未绑定网格',
} as const;

/** Most candidates one answer lists; a name query narrows a bigger town. */
export const dispatchCandidateLimit = 200;

/**
 * `POST /api/admin/cases/:id/location`: a new point and/or grid, with the reason (更正位置). With a
 * point only, the grid is found from the point; with a grid only, the point is kept.
 */
export interface CaseRelocateBody {
  location?: { lng: number; lat: number };
  regionId?: string;
  address?: string;
  reason: string;
  version?: number;
}
