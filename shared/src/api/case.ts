/**
 * Wire shapes of the case APIs (#5), shared by the BFF, the admin and the mini-program.
 * Coordinates are GCJ-02 `[lng, lat]` everywhere except the Open311 edge (WGS84).
 * Times are ISO-8601 UTC strings. Personal data is masked; the reporter's identity is hidden from
 * staff below town level when the report is anonymous.
 */
import type {
  CaseAction,
  CaseEventType,
  CaseOutcome,
  CasePriority,
  CaseSource,
  CaseStatus,
  EscalationLevel,
} from '../domain/case';
import type { CaseSlaState } from '../domain/case-sla';
import type { LngLat } from './registry';

export interface CaseCategoryVO {
  code: string;
  name: string;
  /** Icon key understood by both front ends (see `caseCategoryIcons` in the front ends), e.g. 'road'. */
  icon: string;
  description: string | null;
  /** Responsible department (责任部门) shown to staff. */
  department: string | null;
  /** Resolution SLA in working hours for normal priority. */
  slaHours: number;
  /** Acceptance SLA in working hours. */
  acceptHours: number;
  active: boolean;
  sortOrder: number;
  /**
   * Whether cases of this category are published on Open311 (政务公开) with their position and the
   * staff-reviewed public text. Non-public ones are listed without any text, address or photo and
   * with the position snapped to a ~500 m grid. Shown to residents in the report form.
   */
  isPublic: boolean;
}

/**
 * What Open311 publishes of one case (`GET/PUT /api/admin/cases/:id/publication`). The resident's own
 * text is never published: only `publicDescription`, written (or approved) by staff.
 */
export interface CasePublicationVO {
  /** The category is public and the report is not anonymous: text, address and exact position go out. */
  publishable: boolean;
  categoryPublic: boolean;
  anonymous: boolean;
  /** The staff-reviewed text Open311 shows as `description`; null = none (description empty). */
  publicDescription: string | null;
}

export interface CasePhotoVO {
  id: string;
  /** Signed, expiring link (see the file module). */
  url: string;
  /** `before` = reported with the case; `after` = proof of the fix. */
  phase: 'before' | 'after';
}

export interface CasePartyVO {
  kind: 'mp' | 'staff';
  id: string;
  name: string;
}

export interface CaseEventVO {
  id: string;
  seq: number;
  type: CaseEventType;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  actor: { kind: 'mp' | 'staff' | 'system' | 'external'; name: string };
  note: string | null;
  photos: CasePhotoVO[];
  /** Action details: reason, assignee name, target region name, level, rating, outcome… */
  data: Record<string, string | number | boolean | null>;
  createdAt: string;
}

/** One row of the staff inbox (and the payload of live `case:changed` events). */
export interface CaseListItemVO {
  id: string;
  no: string;
  categoryCode: string;
  categoryName: string;
  description: string;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  priority: CasePriority;
  source: CaseSource;
  address: string | null;
  location: LngLat | null;
  regionId: string;
  regionName: string;
  assignee: CasePartyVO | null;
  department: string | null;
  escalationLevel: EscalationLevel | null;
  followerCount: number;
  acceptDueAt: string | null;
  dueAt: string | null;
  /** The BFF's one SLA verdict (shared `caseSlaState`): what every view colours by. */
  slaState: CaseSlaState;
  /** `slaState === 'overdue'`: open and past its deadline (a finished case never is). */
  overdue: boolean;
  rating: number | null;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
  thumbUrl: string | null;
}

export interface CaseReporterVO {
  anonymous: boolean;
  /** '匿名' when hidden from this viewer. */
  name: string;
  /** Masked phone, null when hidden or unknown. */
  phone: string | null;
}

export interface CaseDetailVO extends CaseListItemVO {
  reporter: CaseReporterVO;
  photos: CasePhotoVO[];
  events: CaseEventVO[];
  /** What the viewer may do now (from the state machine plus the BFF's checks). */
  availableActions: CaseAction[];
  rejectReason: string | null;
  resolution: string | null;
  ratingComment: string | null;
  mergedIntoId: string | null;
  external: { system: string; id: string } | null;
  /** Optimistic-lock version: send it back with an action to refuse stale clicks (409 CONFLICT). */
  version: number;
}

/** `POST /api/admin/cases/:id/actions` body (and the grid worker's `/api/mp/grid/tasks/:id/actions`). */
/** Unmasked contact of a case (`GET /api/admin/cases/:id/pii`, permission pii:read, audited `case.pii.read`). */
export interface CasePiiVO {
  contactPhone: string | null;
  reporterName: string | null;
}

export interface CaseActionBody {
  action: CaseAction;
  note?: string;
  reason?: string;
  assignee?: { kind: 'mp' | 'staff'; id: string };
  targetRegionId?: string;
  department?: string;
  level?: EscalationLevel;
  result?: string;
  outcome?: CaseOutcome;
  mergeIntoId?: string;
  /** Photos uploaded first through the file endpoints (after-photos for `resolve`). */
  photoIds?: string[];
  priority?: CasePriority;
  version?: number;
}

export interface CaseBatchResult {
  succeeded: string[];
  failed: { id: string; code: string; message: string }[];
}

export interface CaseSavedViewVO {
  id: string;
  name: string;
  filters: Record<string, string | string[]>;
  createdAt: string;
}

export interface CaseMapPointVO {
  id: string;
  no: string;
  status: CaseStatus;
  categoryCode: string;
  location: LngLat;
  /** As in CaseListItemVO: the map paints `overdue` red, the same cases 只看超时 finds. */
  slaState: CaseSlaState;
  /** `slaState === 'overdue'`. */
  overdue: boolean;
}

export interface CaseStatsVO {
  total: number;
  open: number;
  byStatus: Partial<Record<CaseStatus, number>>;
  byCategory: { code: string; name: string; count: number }[];
  byRegion: { regionId: string; name: string; count: number }[];
  bySource: Partial<Record<CaseSource, number>>;
  /** Share of resolved cases resolved by their deadline; null when none resolved. */
  onTimeRate: number | null;
  /** Mean hours from submission to resolution (wall clock); null when none resolved. */
  avgHandlingHours: number | null;
  satisfaction: { average: number | null; count: number; distribution: [number, number, number, number, number] };
  trend: { date: string; created: number; resolved: number }[];
}

export interface HolidayVO {
  /** YYYY-MM-DD (Asia/Shanghai). */
  date: string;
  /** `holiday` = day off on a weekday; `workday` = 调休 working weekend day. */
  kind: 'holiday' | 'workday';
  name: string;
}

export interface Open311KeyVO {
  id: string;
  name: string;
  /** First characters of the key, for recognition; the full key is shown once at creation. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

// ---- mini-program (resident) ----

export interface MpCaseSubmitBody {
  /** Client-generated once per draft; the same key again returns the same case (no duplicate). */
  idempotencyKey: string;
  categoryCode: string;
  description: string;
  photoIds: string[];
  /** GCJ-02, from getLocation / chooseLocation. */
  location: { lng: number; lat: number };
  address: string;
  anonymous: boolean;
  /** Optional; defaults to the bound phone. */
  contactPhone?: string;
}

export interface NearbyCaseVO {
  id: string;
  no: string;
  categoryName: string;
  description: string;
  status: CaseStatus;
  distanceM: number;
  followerCount: number;
  followed: boolean;
  createdAt: string;
}

export interface MpCaseItemVO {
  id: string;
  no: string;
  categoryName: string;
  categoryIcon: string;
  description: string;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  /** True when the caller follows (附议) this case rather than having filed it. */
  following: boolean;
  rated: boolean;
  /** The BFF's SLA verdict (shared `caseSlaState`). */
  slaState: CaseSlaState;
  thumbUrl: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MpCaseDetailVO extends MpCaseItemVO {
  address: string | null;
  location: LngLat | null;
  photos: CasePhotoVO[];
  events: CaseEventVO[];
  rating: number | null;
  ratingComment: string | null;
  resolution: string | null;
  rejectReason: string | null;
  canRate: boolean;
  canDispute: boolean;
  /** Last moment to say "not fixed". */
  disputeUntil: string | null;
  followerCount: number;
}

/** Template ids the mini-program asks the user to subscribe to after submitting. */
export interface CaseSubscribeTemplatesVO {
  accepted: string;
  dispatched: string;
  resolved: string;
}

// ---- mini-program (grid worker) ----

export interface MpTaskItemVO {
  id: string;
  no: string;
  categoryName: string;
  description: string;
  status: CaseStatus;
  priority: CasePriority;
  address: string | null;
  location: LngLat | null;
  dueAt: string | null;
  slaState: CaseSlaState;
  /** `slaState === 'overdue'`. */
  overdue: boolean;
  thumbUrl: string | null;
  createdAt: string;
}

export interface MpTaskDetailVO extends MpTaskItemVO {
  photos: CasePhotoVO[];
  events: CaseEventVO[];
  availableActions: CaseAction[];
  version: number;
}
