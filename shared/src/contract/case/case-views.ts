import {
  allCaseActions,
  allCaseStatuses,
  CaseOutcome,
  CasePriority,
  CaseSource,
  caseEventLabels,
} from '../../domain/case';
import type {
  CaseAction,
  CaseEventType,
  CaseOutcome as Outcome,
  CasePriority as Priority,
  CaseSource as Source,
  CaseStatus,
} from '../../domain/case';
import { allCaseSlaStates } from '../../domain/case-sla';
import type { CaseSlaState } from '../../domain/case-sla';
import { z } from '../zod';

/**
 * Response schemas of the case views (staff console, resident, grid worker). Coordinates are GCJ-02
 * `[lng, lat]`; times ISO-8601 UTC strings. Personal data is masked; the reporter's identity is hidden
 * from staff below town level when the report is anonymous.
 */

const oneOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]]);

export const caseStatusSchema = oneOf<CaseStatus>(allCaseStatuses);
export const caseSlaStateSchema = oneOf<CaseSlaState>(allCaseSlaStates);
export const caseActionSchema = oneOf<CaseAction>(allCaseActions);
export const caseOutcomeSchema = oneOf<Outcome>(Object.values(CaseOutcome));
export const casePrioritySchema = oneOf<Priority>(Object.values(CasePriority));
export const caseSourceSchema = oneOf<Source>(Object.values(CaseSource));
const caseEventTypeSchema = oneOf<CaseEventType>(Object.keys(caseEventLabels) as CaseEventType[]);
const lngLat = z.tuple([z.number(), z.number()]);
const count = z.number().int();

export const casePhotoSchema = z.object({
  id: z.string(),
  /** Signed, expiring link (see the file module). */
  url: z.string(),
  /** `before` = reported with the case; `after` = proof of the fix. */
  phase: z.enum(['before', 'after']),
});
export type CasePhotoVO = z.infer<typeof casePhotoSchema>;

export const casePartySchema = z.object({ kind: z.enum(['mp', 'staff']), id: z.string(), name: z.string() });
export type CasePartyVO = z.infer<typeof casePartySchema>;

export const caseEventSchema = z.object({
  id: z.string(),
  seq: count,
  type: caseEventTypeSchema,
  fromStatus: caseStatusSchema.nullable(),
  toStatus: caseStatusSchema.nullable(),
  actor: z.object({ kind: z.enum(['mp', 'staff', 'system', 'external']), name: z.string() }),
  note: z.string().nullable(),
  photos: z.array(casePhotoSchema),
  /** Action details: reason, assignee name, target region name, level, rating, outcome… */
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  createdAt: z.string(),
});
export type CaseEventVO = z.infer<typeof caseEventSchema>;

/** One row of the staff inbox (and the payload of live `case:changed` events). */
export const caseListItemSchema = z.object({
  id: z.string(),
  no: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  description: z.string(),
  status: caseStatusSchema,
  outcome: caseOutcomeSchema.nullable(),
  priority: casePrioritySchema,
  source: caseSourceSchema,
  address: z.string().nullable(),
  location: lngLat.nullable(),
  regionId: z.string(),
  regionName: z.string(),
  assignee: casePartySchema.nullable(),
  department: z.string().nullable(),
  escalationLevel: z.enum(['town', 'city']).nullable(),
  followerCount: count,
  acceptDueAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  /** The BFF's one SLA verdict (shared `caseSlaState`): what every view colours by. */
  slaState: caseSlaStateSchema,
  /** `slaState === 'overdue'`: open and past its deadline (a finished case never is). */
  overdue: z.boolean(),
  rating: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  thumbUrl: z.string().nullable(),
});
export type CaseListItemVO = z.infer<typeof caseListItemSchema>;

export const caseReporterSchema = z.object({
  anonymous: z.boolean(),
  /** '匿名' when hidden from this viewer. */
  name: z.string(),
  /** Masked phone, null when hidden or unknown. */
  phone: z.string().nullable(),
});
export type CaseReporterVO = z.infer<typeof caseReporterSchema>;

export const caseDetailSchema = caseListItemSchema.extend({
  reporter: caseReporterSchema,
  photos: z.array(casePhotoSchema),
  events: z.array(caseEventSchema),
  /** What the viewer may do now (from the state machine plus the BFF's checks). */
  availableActions: z.array(caseActionSchema),
  rejectReason: z.string().nullable(),
  resolution: z.string().nullable(),
  ratingComment: z.string().nullable(),
  mergedIntoId: z.string().nullable(),
  external: z.object({ system: z.string(), id: z.string() }).nullable(),
  /** Optimistic-lock version: send it back with an action to refuse stale clicks (409 CONFLICT). */
  version: count,
});
export type CaseDetailVO = z.infer<typeof caseDetailSchema>;

/** Unmasked contact of a case (permission pii:read, audited `case.pii.read`). */
export const casePiiSchema = z.object({ contactPhone: z.string().nullable(), reporterName: z.string().nullable() });
export type CasePiiVO = z.infer<typeof casePiiSchema>;

export const caseBatchResultSchema = z.object({
  succeeded: z.array(z.string()),
  failed: z.array(z.object({ id: z.string(), code: z.string(), message: z.string() })),
});
export type CaseBatchResult = z.infer<typeof caseBatchResultSchema>;

export const caseSavedViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  filters: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  createdAt: z.string(),
});
export type CaseSavedViewVO = z.infer<typeof caseSavedViewSchema>;

export const caseMapPointSchema = z.object({
  id: z.string(),
  no: z.string(),
  status: caseStatusSchema,
  categoryCode: z.string(),
  location: lngLat,
  /** As in the inbox: the map paints `overdue` red, the same cases 只看超时 finds. */
  slaState: caseSlaStateSchema,
  /** `slaState === 'overdue'`. */
  overdue: z.boolean(),
});
export type CaseMapPointVO = z.infer<typeof caseMapPointSchema>;

export const caseStatsSchema = z.object({
  total: count,
  open: count,
  byStatus: z.partialRecord(caseStatusSchema, count),
  byCategory: z.array(z.object({ code: z.string(), name: z.string(), count })),
  byRegion: z.array(z.object({ regionId: z.string(), name: z.string(), count })),
  bySource: z.partialRecord(caseSourceSchema, count),
  /** Share of resolved cases resolved by their deadline; null when none resolved. */
  onTimeRate: z.number().nullable(),
  /** Mean hours from submission to resolution (wall clock); null when none resolved. */
  avgHandlingHours: z.number().nullable(),
  satisfaction: z.object({
    average: z.number().nullable(),
    count,
    distribution: z.tuple([count, count, count, count, count]),
  }),
  trend: z.array(z.object({ date: z.string(), created: count, resolved: count })),
});
export type CaseStatsVO = z.infer<typeof caseStatsSchema>;

// ---- mini-program (resident) ----

export const nearbyCaseSchema = z.object({
  id: z.string(),
  no: z.string(),
  categoryName: z.string(),
  description: z.string(),
  status: caseStatusSchema,
  distanceM: z.number(),
  followerCount: count,
  followed: z.boolean(),
  createdAt: z.string(),
});
export type NearbyCaseVO = z.infer<typeof nearbyCaseSchema>;

export const mpCaseItemSchema = z.object({
  id: z.string(),
  no: z.string(),
  categoryName: z.string(),
  categoryIcon: z.string(),
  description: z.string(),
  status: caseStatusSchema,
  outcome: caseOutcomeSchema.nullable(),
  /** True when the caller follows (附议) this case rather than having filed it. */
  following: z.boolean(),
  rated: z.boolean(),
  /** The BFF's SLA verdict (shared `caseSlaState`). */
  slaState: caseSlaStateSchema,
  thumbUrl: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MpCaseItemVO = z.infer<typeof mpCaseItemSchema>;

export const mpCaseDetailSchema = mpCaseItemSchema.extend({
  address: z.string().nullable(),
  location: lngLat.nullable(),
  photos: z.array(casePhotoSchema),
  events: z.array(caseEventSchema),
  rating: z.number().nullable(),
  ratingComment: z.string().nullable(),
  resolution: z.string().nullable(),
  rejectReason: z.string().nullable(),
  canRate: z.boolean(),
  canDispute: z.boolean(),
  /** Last moment to say "not fixed". */
  disputeUntil: z.string().nullable(),
  followerCount: count,
});
export type MpCaseDetailVO = z.infer<typeof mpCaseDetailSchema>;

/** Template ids the mini-program asks the user to subscribe to after submitting. */
export const caseSubscribeTemplatesSchema = z.object({
  accepted: z.string(),
  dispatched: z.string(),
  resolved: z.string(),
});
export type CaseSubscribeTemplatesVO = z.infer<typeof caseSubscribeTemplatesSchema>;

export const caseFollowSchema = z.object({ followed: z.boolean(), followerCount: count });

// ---- mini-program (grid worker) ----

export const mpTaskItemSchema = z.object({
  id: z.string(),
  no: z.string(),
  categoryName: z.string(),
  description: z.string(),
  status: caseStatusSchema,
  priority: casePrioritySchema,
  address: z.string().nullable(),
  location: lngLat.nullable(),
  dueAt: z.string().nullable(),
  slaState: caseSlaStateSchema,
  /** `slaState === 'overdue'`. */
  overdue: z.boolean(),
  thumbUrl: z.string().nullable(),
  createdAt: z.string(),
});
export type MpTaskItemVO = z.infer<typeof mpTaskItemSchema>;

export const mpTaskDetailSchema = mpTaskItemSchema.extend({
  photos: z.array(casePhotoSchema),
  events: z.array(caseEventSchema),
  availableActions: z.array(caseActionSchema),
  version: count,
});
export type MpTaskDetailVO = z.infer<typeof mpTaskDetailSchema>;
