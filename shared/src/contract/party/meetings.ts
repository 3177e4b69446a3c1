import { Permission } from '../../domain/permissions';
import { MeetingType } from '../../domain/party-meetings';
import { defineRoute } from '../define';
import { isoDateTime, pathId, pageQuery } from '../fields';
import { z } from '../zod';
import { storedFileSchema } from '../file';
import { enumValues, qEnum, qRegistryId } from '../registry/common';
import { optionalText, partyRef, requiredText } from './common';

const TAG = '管理端 · 三会一课';
const MP_TAG = '小程序 · 三会一课';
const TYPES = enumValues(MeetingType);
const attendanceStatuses = ['absent', 'present', 'leave'] as const;
export type MeetingAttendanceStatus = (typeof attendanceStatuses)[number];
const complianceStatuses = ['held', 'missing', 'due'] as const;

/** One meeting of a branch with its attendance figures (invitees fixed when it was scheduled). */
export const meetingSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  type: z.enum(TYPES),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  /** GCJ-02 coordinates of the place (null: QR check-in only). */
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  radiusM: z.number().int().nullable(),
  host: z.string(),
  topic: z.string(),
  minutes: z.string().nullable(),
  invited: z.number().int(),
  present: z.number().int(),
  onLeave: z.number().int(),
  /** present / (invited − on leave), 0..1; null when nobody is expected. */
  attendanceRate: z.number().nullable(),
});
export type MeetingVO = z.infer<typeof meetingSchema>;

export const meetingAttendeeSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  status: z.enum(attendanceStatuses),
  checkedInAt: z.string().nullable(),
  method: z.enum(['qr', 'location']).nullable(),
  leaveReason: z.string().nullable(),
  /** A leave request and its decision (approved = status 'leave'). */
  leaveStatus: z.enum(['requested', 'approved', 'refused']).nullable(),
});
export type MeetingAttendeeVO = z.infer<typeof meetingAttendeeSchema>;

export const meetingDetailSchema = meetingSchema.extend({
  attendees: z.array(meetingAttendeeSchema),
  /** Photos of the meeting (signed links, 10 minutes), in the order they were saved. */
  photos: z.array(storedFileSchema),
});
export type MeetingDetailVO = z.infer<typeof meetingDetailSchema>;

const coordinate = (min: number, max: number) => z.number().min(min).max(max).nullable().optional();

export const meetingCreateSchema = z
  .object({
    orgId: partyRef('请选择党组织'),
    type: z.enum(TYPES, { error: '请选择会议类型' }),
    startsAt: isoDateTime(),
    endsAt: isoDateTime(),
    place: requiredText(128, '请填写会议地点'),
    lng: coordinate(73, 136),
    lat: coordinate(3, 54),
    radiusM: z.number().int().min(20).max(5000).nullable().optional(),
    host: requiredText(32, '请填写主持人'),
    topic: requiredText(128, '请填写会议主题'),
    minutes: optionalText(10_000),
  })
  .refine((m) => Date.parse(m.endsAt) > Date.parse(m.startsAt), {
    error: '结束时间须晚于开始时间',
    path: ['endsAt'],
  })
  .refine((m) => (m.lng == null) === (m.lat == null), { error: '经纬度须同时填写', path: ['lat'] });
export type MeetingCreateInput = z.output<typeof meetingCreateSchema>;

/** How many photos a meeting keeps (the size of the portal's upload grid). */
export const MEETING_PHOTOS_MAX = 9;

/**
 * What may change after scheduling: the facts of the day and the record of it. Time, type, branch and
 * place coordinates stay as scheduled (invitations and check-ins were made against them). `minutes`
 * is plain text (shown as text, never as HTML); `photoIds` is the whole list to keep, new ones first
 * uploaded through `POST /api/admin/party/files`.
 */
export const meetingUpdateSchema = z.strictObject({
  place: requiredText(128, '请填写会议地点'),
  host: requiredText(32, '请填写主持人'),
  topic: requiredText(128, '请填写会议主题'),
  minutes: optionalText(10_000),
  photoIds: z
    .array(partyRef())
    .max(MEETING_PHOTOS_MAX, { error: `最多 ${MEETING_PHOTOS_MAX} 张照片` })
    .refine((ids) => new Set(ids).size === ids.length, { error: '照片重复' })
    .default([]),
});
export type MeetingUpdateInput = z.output<typeof meetingUpdateSchema>;

/** The rotating QR the host shows: a signed token naming the meeting, valid ≤ 2 minutes. */
export const meetingCheckInTokenSchema = z.object({ token: z.string(), expiresAt: z.string() });

export const meetingComplianceRowSchema = z.object({
  type: z.enum(TYPES),
  period: z.string(),
  required: z.number().int(),
  held: z.number().int(),
  status: z.enum(complianceStatuses),
});
export type MeetingComplianceRowVO = z.infer<typeof meetingComplianceRowSchema>;

export const meetingCheckInSchema = z.discriminatedUnion(
  'method',
  [
    z.object({ method: z.literal('qr'), token: z.string().trim().min(1, { error: '请扫描会议二维码' }).max(512) }),
    z.object({ method: z.literal('location'), lng: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) }),
  ],
  { error: '请选择签到方式' },
);
export type MeetingCheckInInput = z.output<typeof meetingCheckInSchema>;

export const meetingCheckInResultSchema = z.object({ checkedInAt: z.string(), method: z.enum(['qr', 'location']) });

/** A month in a query (`2026-11`, Beijing calendar); blank = any month. */
const qMonth = () =>
  z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 YYYY-MM' })
      .optional(),
  );

const byId = z.object({ id: pathId() });
const byMember = z.object({ id: pathId(), memberId: pathId() });

export const meetingLeaveRequestSchema = z.object({ reason: requiredText(200, '请填写请假事由') });
export const meetingLeaveDecisionSchema = z.object({ approve: z.boolean({ error: '请选择是否批准' }) });

export const partyMeetingRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/admin/party/meetings',
    summary: '会议列表（新的在前）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberRead,
    query: z.object({ ...pageQuery(), orgId: qRegistryId(), type: qEnum(TYPES), month: qMonth() }),
    response: meetingSchema,
    list: true,
  }),
  compliance: defineRoute({
    method: 'GET',
    path: '/api/admin/party/meetings/compliance',
    summary: '本年度三会一课落实情况（按要求表逐期：已开、缺开、待开）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberRead,
    query: z.object({ orgId: partyRef('请选择党组织') }),
    response: z.array(meetingComplianceRowSchema),
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/admin/party/meetings/:id',
    summary: '会议详情（参会名单、签到、请假）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberRead,
    params: byId,
    response: meetingDetailSchema,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/admin/party/meetings',
    summary: '安排会议（本支部现有党员为参会人）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    body: meetingCreateSchema,
    response: meetingDetailSchema,
    status: 201,
  }),
  update: defineRoute({
    method: 'PUT',
    path: '/api/admin/party/meetings/:id',
    summary: '修改会议（地点、主持人、主题、会议纪要、照片）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    params: byId,
    body: meetingUpdateSchema,
    response: meetingDetailSchema,
  }),
  checkInToken: defineRoute({
    method: 'POST',
    path: '/api/admin/party/meetings/:id/check-in-token',
    summary: '生成签到二维码（有效期 2 分钟，主持人页面定时刷新）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    params: byId,
    response: meetingCheckInTokenSchema,
    status: 201,
  }),
  decideLeave: defineRoute({
    method: 'POST',
    path: '/api/admin/party/meetings/:id/leave/:memberId',
    summary: '审批请假（批准后不计入应到人数）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    params: byMember,
    body: meetingLeaveDecisionSchema,
    response: meetingDetailSchema,
  }),
  linkAccount: defineRoute({
    method: 'PUT',
    path: '/api/admin/party/members/:id/mp-account',
    summary: '关联党员的小程序账号（签到、通知按此识别党员）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    params: byId,
    body: z.object({ mpUserId: partyRef('请填写小程序用户') }),
    response: null,
    status: 204,
  }),
};

export const mpPartyMeetingRoutes = {
  checkIn: defineRoute({
    method: 'POST',
    path: '/api/mp/party/meetings/:id/check-in',
    summary: '会议签到（扫码或定位）',
    tag: MP_TAG,
    audience: 'mp',
    params: byId,
    body: meetingCheckInSchema,
    response: meetingCheckInResultSchema,
    status: 201,
  }),
  requestLeave: defineRoute({
    method: 'POST',
    path: '/api/mp/party/meetings/:id/leave',
    summary: '会议请假（会议结束前，未签到时）',
    tag: MP_TAG,
    audience: 'mp',
    params: byId,
    body: meetingLeaveRequestSchema,
    response: null,
    status: 204,
  }),
};
