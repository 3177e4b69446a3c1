import { Permission } from '../../domain/permissions';
import { defineRoute } from '../define';
import { isoDate, pageQuery, pathId } from '../fields';
import { z } from '../zod';

const TAG = '管理端 · 网上党校进度分析';

/** An optional query field where an empty text means absent. */
const blankIsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const byId = z.object({ id: pathId() });

/** A course as the analysis lists it: its audience within the caller's party scope. */
export const analysisCourseSchema = z.object({
  id: z.string(),
  title: z.string(),
  required: z.boolean(),
  status: z.string(),
  opensOn: z.string().nullable(),
  closesOn: z.string().nullable(),
  lessonCount: z.number().int(),
  /** Active members of the audience within the caller's scope. */
  audience: z.number().int(),
  completed: z.number().int(),
  /** Where members should be today (per mille; 0 for electives and courses without a close date). */
  expectedPermille: z.number().int(),
  laggards: z.number().int(),
});
export type AnalysisCourseVO = z.infer<typeof analysisCourseSchema>;

/** One member's standing in one course. */
export const memberStandingSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  orgId: z.string(),
  branchName: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  required: z.boolean(),
  lessonsDone: z.number().int(),
  lessonsTotal: z.number().int(),
  /** Credited study time in this course. */
  studyMs: z.number().int(),
  /** ISO instant of the last accepted heartbeat, null if never studied. */
  lastStudiedAt: z.string().nullable(),
  progressPermille: z.number().int(),
  expectedPermille: z.number().int(),
  completed: z.boolean(),
  behind: z.boolean(),
});
export type MemberStandingVO = z.infer<typeof memberStandingSchema>;

/** A laggard of a required course, with the reminder state. */
export const laggardSchema = memberStandingSchema.extend({
  /** Linked to a mini-program account (a reminder can reach them). */
  reachable: z.boolean(),
  lastRemindedAt: z.string().nullable(),
  /** ISO instant from which the next reminder is allowed (null: now). */
  nextReminderAt: z.string().nullable(),
});
export type LaggardVO = z.infer<typeof laggardSchema>;

export const memberStudySchema = z.object({
  memberId: z.string(),
  name: z.string(),
  branchName: z.string(),
  courses: z.array(memberStandingSchema),
  /** Credited study time per Beijing day, oldest first, days without study included (0). */
  days: z.array(z.object({ date: z.string(), ms: z.number().int() })),
});
export type MemberStudyVO = z.infer<typeof memberStudySchema>;

export const reminderStatusSchema = z.object({
  /** False when WECHAT_TMPL_STUDY_REMINDER is not configured: nothing can be sent. */
  enabled: z.boolean(),
  /** Hours a member is left alone after a reminder. */
  intervalHours: z.number().int(),
});
export type ReminderStatusVO = z.infer<typeof reminderStatusSchema>;

export const sendRemindersBodySchema = z.strictObject({
  courseId: pathId(),
  /** The members to remind; omitted: every laggard of the course within the caller's scope. */
  memberIds: z.array(pathId()).min(1, { error: '请选择要提醒的党员' }).max(500).optional(),
});
export type SendRemindersBody = z.infer<typeof sendRemindersBodySchema>;

export const remindersResultSchema = z.object({
  sent: z.number().int(),
  /** Members not reminded, each with the reason (recently reminded: when the next is allowed). */
  skipped: z.array(z.object({ memberId: z.string(), name: z.string(), reason: z.string() })),
});
export type RemindersResultVO = z.infer<typeof remindersResultSchema>;

const periodQuery = {
  orgId: blankIsAbsent(pathId()),
  /** Beijing days, both included; default: this year up to today. */
  from: blankIsAbsent(isoDate()),
  to: blankIsAbsent(isoDate()),
};

/** The teacher's / secretary's progress analysis (study:manage, within their party scope). */
export const studyAnalysisRoutes = {
  courses: defineRoute({
    method: 'GET',
    path: '/api/admin/study/analysis/courses',
    summary: '学习进度：各课程在本人管辖范围内的学员数、完成数、落后人数',
    tag: TAG,
    audience: 'staff',
    permission: Permission.StudyManage,
    query: z.object({ ...pageQuery() }),
    response: analysisCourseSchema,
    list: true,
  }),
  courseMembers: defineRoute({
    method: 'GET',
    path: '/api/admin/study/analysis/courses/:id/members',
    summary: '课程学员进度（本人管辖范围内，落后的在前）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.StudyManage,
    params: byId,
    query: z.object({ ...pageQuery(), orgId: blankIsAbsent(pathId()) }),
    response: memberStandingSchema,
    list: true,
  }),
  member: defineRoute({
    method: 'GET',
    path: '/api/admin/study/analysis/members/:id',
    summary: '党员的各课程进度与最近 30 天每日学习时长',
    tag: TAG,
    audience: 'staff',
    permission: Permission.StudyManage,
    params: byId,
    response: memberStudySchema,
  }),
  laggards: defineRoute({
    method: 'GET',
    path: '/api/admin/study/analysis/laggards',
    summary: '落后名单：必修课进度低于按日期应达进度的党员（本人管辖范围内）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.StudyManage,
    query: z.object({ ...pageQuery(), courseId: blankIsAbsent(pathId()), orgId: blankIsAbsent(pathId()) }),
    response: laggardSchema,
    list: true,
  }),
  reminderStatus: defineRoute({
    method: 'GET',
    path: '/api/admin/study/analysis/reminders/status',
    summary: '学习提醒是否可用（需配置订阅消息模板）及提醒间隔',
    tag: TAG,
    audience: 'staff',
    permission: Permission.StudyManage,
    response: reminderStatusSchema,
  }),
  sendReminders: defineRoute({
    method: 'POST',
    path: '/api/admin/study/analysis/reminders',
    summary: '给落后党员发学习提醒（微信订阅消息；每人 24 小时内至多一次；记审计）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.StudyManage,
    body: sendRemindersBodySchema,
    response: remindersResultSchema,
  }),
  reportXlsx: defineRoute({
    method: 'GET',
    path: '/api/admin/study/analysis/report.xlsx',
    summary: '下载学习报表（.xlsx：学习时长、课程完成情况，按支部；记审计）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.StudyManage,
    query: z.object(periodQuery),
    response: null,
    responseKind: 'file',
  }),
};
