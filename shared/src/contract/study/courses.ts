import { Permission } from '../../domain/permissions';
import { courseAudiences, courseStatuses, enrolmentStatuses, studyCourseLimits as L } from '../../domain/study-courses';
import { defineRoute } from '../define';
import { pageQuery, pathId, qBool, qText } from '../fields';
import { z } from '../zod';
import { qEnum, qRegistryId } from '../registry/common';
import { actDay, optionalText, partyRef, requiredText } from '../party/common';
import { storedFileSchema } from '../file';
import { lessonInputSchema, lessonOrderSchema, studyLessonSchema } from './lessons';

const TAG = '管理端 · 网上党校课程';

/** 栏目: a shelf of courses (理论学习, 党史教育…), the same for the whole town. */
export const studyColumnSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  sortOrder: z.number().int(),
  courseCount: z.number().int(),
});
export type StudyColumnVO = z.infer<typeof studyColumnSchema>;

export const studyColumnInputSchema = z.strictObject({
  name: requiredText(L.columnName, '请填写栏目名称'),
  description: optionalText(L.columnDescription),
  sortOrder: z.number({ error: '排序应为整数' }).int({ error: '排序应为整数' }).min(0).max(9999).default(0),
});
export type StudyColumnInput = z.output<typeof studyColumnInputSchema>;

const orgRef = z.object({ id: z.string(), name: z.string() });

export const studyCourseSchema = z.object({
  id: z.string(),
  columnId: z.string(),
  columnName: z.string(),
  /** The organisation that owns the course (its staff edit it). */
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  /** 必修 (true) or 选修. */
  required: z.boolean(),
  /** 学时 and 学分, at most one decimal. */
  hours: z.number(),
  credits: z.number(),
  opensOn: z.string().nullable(),
  closesOn: z.string().nullable(),
  audience: z.enum(courseAudiences),
  audienceOrgs: z.array(orgRef),
  /** Electives only: members must ask and be approved before studying. */
  needsApproval: z.boolean(),
  status: z.enum(courseStatuses),
  publishedAt: z.string().nullable(),
  lessonCount: z.number().int(),
  /** Whether the caller may change it (a branch sees town-wide courses read-only). */
  editable: z.boolean(),
});
export type StudyCourseVO = z.infer<typeof studyCourseSchema>;

export const studyCourseDetailSchema = studyCourseSchema.extend({ lessons: z.array(studyLessonSchema) });
export type StudyCourseDetailVO = z.infer<typeof studyCourseDetailSchema>;

const tenths = (max: number, label: string) =>
  z
    .number({ error: `请填写${label}` })
    .min(0, { error: `${label}不能为负数` })
    .max(max, { error: `${label}不能超过 ${max}` })
    .refine((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9, { error: `${label}最多保留一位小数` });

export const studyCourseInputSchema = z
  .strictObject({
    columnId: partyRef('请选择栏目'),
    orgId: partyRef('请选择开课组织'),
    title: requiredText(L.courseTitle, '请填写课程名称'),
    summary: z
      .string()
      .trim()
      .max(L.courseSummary, { error: `不能超过 ${L.courseSummary} 个字符` })
      .nullable()
      .optional(),
    required: z.boolean({ error: '请选择必修或选修' }),
    hours: tenths(L.maxHours, '学时'),
    credits: tenths(L.maxCredits, '学分'),
    opensOn: actDay().nullable().optional(),
    closesOn: actDay().nullable().optional(),
    audience: z.enum(courseAudiences, { error: '请选择学习对象' }),
    audienceOrgIds: z.array(partyRef()).max(L.audienceOrgs).default([]),
    needsApproval: z.boolean().default(false),
  })
  .refine((c) => c.audience === 'all' || c.audienceOrgIds.length > 0, {
    error: '请选择学习的党组织',
    path: ['audienceOrgIds'],
  })
  .refine((c) => !c.opensOn || !c.closesOn || c.opensOn <= c.closesOn, {
    error: '结束日期不能早于开始日期',
    path: ['closesOn'],
  });
export type StudyCourseInput = z.output<typeof studyCourseInputSchema>;

export const studyEnrolmentSchema = z.object({
  id: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  orgName: z.string(),
  status: z.enum(enrolmentStatuses),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
});
export type StudyEnrolmentVO = z.infer<typeof studyEnrolmentSchema>;

/** `kind=video` (MP4) or `kind=document` (PDF) for a lesson's file. */
export const studyUploadQuerySchema = z.object({ kind: qEnum(['video', 'document']) });

const byId = z.object({ id: pathId() });
const byLesson = z.object({ id: pathId(), lessonId: pathId() });
const manage = { tag: TAG, audience: 'staff' as const, permission: Permission.StudyManage };

export const studyCourseRoutes = {
  columns: defineRoute({
    ...manage,
    method: 'GET',
    path: '/api/admin/study/columns',
    summary: '栏目列表（按排序）',
    response: studyColumnSchema,
    list: true,
    query: z.object({ ...pageQuery(50, 100) }),
  }),
  createColumn: defineRoute({
    ...manage,
    method: 'POST',
    path: '/api/admin/study/columns',
    summary: '新建栏目（镇党委）',
    body: studyColumnInputSchema,
    response: studyColumnSchema,
    status: 201,
  }),
  updateColumn: defineRoute({
    ...manage,
    method: 'PUT',
    path: '/api/admin/study/columns/:id',
    summary: '修改栏目（镇党委）',
    params: byId,
    body: studyColumnInputSchema,
    response: studyColumnSchema,
  }),
  removeColumn: defineRoute({
    ...manage,
    method: 'DELETE',
    path: '/api/admin/study/columns/:id',
    summary: '删除栏目（栏目下没有课程时）',
    params: byId,
    response: null,
    status: 204,
  }),
  list: defineRoute({
    ...manage,
    method: 'GET',
    path: '/api/admin/study/courses',
    summary: '课程列表（本组织的课程，及全镇课程只读）',
    query: z.object({
      ...pageQuery(),
      columnId: qRegistryId(),
      status: qEnum(courseStatuses),
      required: qBool(),
      q: qText(50),
    }),
    response: studyCourseSchema,
    list: true,
  }),
  get: defineRoute({
    ...manage,
    method: 'GET',
    path: '/api/admin/study/courses/:id',
    summary: '课程详情（含课时）',
    params: byId,
    response: studyCourseDetailSchema,
  }),
  create: defineRoute({
    ...manage,
    method: 'POST',
    path: '/api/admin/study/courses',
    summary: '新建课程（草稿）',
    body: studyCourseInputSchema,
    response: studyCourseSchema,
    status: 201,
  }),
  update: defineRoute({
    ...manage,
    method: 'PUT',
    path: '/api/admin/study/courses/:id',
    summary: '修改课程（已结束的课程不能修改）',
    params: byId,
    body: studyCourseInputSchema,
    response: studyCourseSchema,
  }),
  publish: defineRoute({
    ...manage,
    method: 'POST',
    path: '/api/admin/study/courses/:id/publish',
    summary: '发布课程（至少一个课时）',
    params: byId,
    response: studyCourseSchema,
  }),
  close: defineRoute({
    ...manage,
    method: 'POST',
    path: '/api/admin/study/courses/:id/close',
    summary: '结束课程（党员不能再学习，记录保留）',
    params: byId,
    response: studyCourseSchema,
  }),
  remove: defineRoute({
    ...manage,
    method: 'DELETE',
    path: '/api/admin/study/courses/:id',
    summary: '删除草稿课程',
    params: byId,
    response: null,
    status: 204,
  }),
  addLesson: defineRoute({
    ...manage,
    method: 'POST',
    path: '/api/admin/study/courses/:id/lessons',
    summary: '添加课时（视频、文档或文章）',
    params: byId,
    body: lessonInputSchema,
    response: studyLessonSchema,
    status: 201,
  }),
  updateLesson: defineRoute({
    ...manage,
    method: 'PUT',
    path: '/api/admin/study/courses/:id/lessons/:lessonId',
    summary: '修改课时',
    params: byLesson,
    body: lessonInputSchema,
    response: studyLessonSchema,
  }),
  removeLesson: defineRoute({
    ...manage,
    method: 'DELETE',
    path: '/api/admin/study/courses/:id/lessons/:lessonId',
    summary: '删除课时（仅草稿课程）',
    params: byLesson,
    response: null,
    status: 204,
  }),
  reorderLessons: defineRoute({
    ...manage,
    method: 'PUT',
    path: '/api/admin/study/courses/:id/lesson-order',
    summary: '调整课时顺序',
    params: byId,
    body: lessonOrderSchema,
    response: z.array(studyLessonSchema),
  }),
  upload: defineRoute({
    ...manage,
    method: 'POST',
    path: '/api/admin/study/files',
    summary: '上传课时文件（字段 file）：?kind=video 为 MP4 视频，?kind=document 为 PDF 文档',
    query: studyUploadQuerySchema,
    bodyKind: 'multipart',
    response: storedFileSchema.extend({ durationMs: z.number().int().nullable() }),
    status: 201,
  }),
  enrolments: defineRoute({
    ...manage,
    method: 'GET',
    path: '/api/admin/study/enrolments',
    summary: '选课申请（本组织党员的申请）',
    query: z.object({ ...pageQuery(), status: qEnum(enrolmentStatuses), courseId: qRegistryId() }),
    response: studyEnrolmentSchema,
    list: true,
  }),
  approveEnrolment: defineRoute({
    ...manage,
    method: 'POST',
    path: '/api/admin/study/enrolments/:id/approve',
    summary: '通过选课申请',
    params: byId,
    response: studyEnrolmentSchema,
  }),
  rejectEnrolment: defineRoute({
    ...manage,
    method: 'POST',
    path: '/api/admin/study/enrolments/:id/reject',
    summary: '不通过选课申请（写明原因）',
    params: byId,
    body: z.strictObject({ reason: requiredText(L.rejectReason, '请填写不通过的原因') }),
    response: studyEnrolmentSchema,
  }),
};
