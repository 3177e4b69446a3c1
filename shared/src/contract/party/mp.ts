import { AdmissionStage, type AdmissionActKind } from '../../domain/party-admission';
import { CommitteeRole } from '../../domain/party-org';
import { Education, MemberCategory } from '../../domain/party-member';
import { MeetingType } from '../../domain/party-meetings';
import { defineRoute } from '../define';
import { pathId } from '../fields';
import { z } from '../zod';
import { enumValues } from '../registry/common';

const MP_TAG = '小程序 · 党员之家';

const ADMISSION_ACTS = [
  'talk',
  'make_activist',
  'make_candidate',
  'political_review',
  'training',
  'branch_vote',
  'higher_approval',
  'conversion_vote',
  'postpone',
  'disqualify',
  'end',
] as const satisfies readonly AdmissionActKind[];

/** A seat of my branch's current committee, by name. */
export const myCommitteeSeatSchema = z.object({ role: z.enum(enumValues(CommitteeRole)), name: z.string() });

/** My member file as the mini-program shows it: ID number and phone only masked. */
export const myPartyFileSchema = z.object({
  name: z.string(),
  category: z.enum(enumValues(MemberCategory)),
  joinedOn: z.string(),
  convertedOn: z.string().nullable(),
  position: z.string().nullable(),
  education: z.enum(enumValues(Education)).nullable(),
  workUnit: z.string().nullable(),
  /** Masked (138****5678). */
  phone: z.string().nullable(),
  /** Masked (3301**********1234); null for a member living outside the town. */
  idNumber: z.string().nullable(),
});
export type MyPartyFileVO = z.infer<typeof myPartyFileSchema>;

/**
 * Where a member who is not yet 正式 stands, from the shared admission rules (`admissionDue`): the
 * next step, the earliest day for it and its deadline. Computed by the BFF; clients only show it.
 */
export const myPartyProgressSchema = z.object({
  stage: z.enum(enumValues(AdmissionStage)),
  /** The branch vote that admitted the member: the probation counts from here. */
  admittedOn: z.string().nullable(),
  /** The day the probation ends (one year after admission, later if postponed). */
  probationEndsOn: z.string().nullable(),
  postponedMonths: z.number().int().nullable(),
  next: z.enum(ADMISSION_ACTS).nullable(),
  /** Earliest day of the next step (null: any time). */
  nextFrom: z.string().nullable(),
  /** Day by which the next step should happen (null: no deadline). */
  nextBy: z.string().nullable(),
  overdue: z.boolean(),
});
export type MyPartyProgressVO = z.infer<typeof myPartyProgressSchema>;

export const myPartyMemberSchema = z.object({
  branch: z.object({
    id: z.string(),
    name: z.string(),
    /** Names from the top of the tree down to the branch (青山镇党委 / 幸福村党支部). */
    path: z.array(z.string()),
  }),
  committee: z.array(myCommitteeSeatSchema),
  file: myPartyFileSchema,
  /** Null for a 正式党员. */
  progress: myPartyProgressSchema.nullable(),
  counts: z.object({
    unreadNotices: z.number().int(),
    /** Meetings not yet ended that I am invited to, have not checked in to and have no approved leave for. */
    meetingsToAttend: z.number().int(),
  }),
});
export type MyPartyMemberVO = z.infer<typeof myPartyMemberSchema>;

/** The party section's home: `member` is null for anyone without a member file linked to the account. */
export const myPartyHomeSchema = z.object({ member: myPartyMemberSchema.nullable() });
export type MyPartyHomeVO = z.infer<typeof myPartyHomeSchema>;

/** My attendance: invited (expected), checked in, leave requested / approved / refused (expected again). */
export const myAttendanceStates = [
  'invited',
  'checked_in',
  'leave_requested',
  'leave_approved',
  'leave_refused',
] as const;
export type MyAttendanceState = (typeof myAttendanceStates)[number];

/** One meeting I am invited to, with my attendance and what I may do now (decided by the BFF). */
export const myMeetingSchema = z.object({
  id: z.string(),
  orgName: z.string(),
  type: z.enum(enumValues(MeetingType)),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  host: z.string(),
  topic: z.string(),
  phase: z.enum(['upcoming', 'ongoing', 'ended']),
  attendance: z.enum(myAttendanceStates),
  checkedInAt: z.string().nullable(),
  checkInMethod: z.enum(['qr', 'location']).nullable(),
  leaveReason: z.string().nullable(),
  /** Check-in is open now (window of the shared rule) and I have not checked in nor been excused. */
  canCheckIn: z.boolean(),
  /** Before the end, not checked in, no leave pending or approved. */
  canRequestLeave: z.boolean(),
});
export type MyMeetingVO = z.infer<typeof myMeetingSchema>;

export const myMeetingDetailSchema = myMeetingSchema.extend({
  minutes: z.string().nullable(),
  /** Location check-in is possible only when the meeting has a place (else: the host's QR). */
  locationCheckIn: z.boolean(),
  radiusM: z.number().int().nullable(),
  /** When check-in opens (the shared rule: some minutes before the start). */
  checkInOpensAt: z.string(),
});
export type MyMeetingDetailVO = z.infer<typeof myMeetingDetailSchema>;

export const myMeetingsSchema = z.object({
  /** Not yet ended, soonest first. */
  upcoming: z.array(myMeetingSchema),
  /** Ended within the last 180 days, latest first (at most 30). */
  recent: z.array(myMeetingSchema),
});
export type MyMeetingsVO = z.infer<typeof myMeetingsSchema>;

export const mpPartyHomeRoutes = {
  me: defineRoute({
    method: 'GET',
    path: '/api/mp/party/me',
    summary: '党员之家首页：我的支部、班子、档案（脱敏）、发展进度、待办数（非党员 member 为 null）',
    tag: MP_TAG,
    audience: 'mp',
    response: myPartyHomeSchema,
  }),
};

/** A member's meetings (party_member role); check-in and leave are in `mpPartyMeetingRoutes`. */
export const mpPartyMeetingListRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/mp/party/meetings',
    summary: '我的会议（待参加与近期，含我的签到、请假状态）',
    tag: MP_TAG,
    audience: 'mp',
    response: myMeetingsSchema,
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/mp/party/meetings/:id',
    summary: '会议详情（未受邀的会议不存在）',
    tag: MP_TAG,
    audience: 'mp',
    params: z.object({ id: pathId() }),
    response: myMeetingDetailSchema,
  }),
};
