import { courseStatuses, enrolmentStatuses } from '../../domain/study-courses';
import { defineRoute } from '../define';
import { pathId } from '../fields';
import { z } from '../zod';
import { lessonKinds } from './lessons';

const MP_TAG = '小程序 · 网上党校';

const memberCourseStates = ['open', 'not_open', 'closed', 'apply', 'pending', 'rejected'] as const;

/** A course in the member's list: what it is and what the member may do with it now. */
export const myCourseSchema = z.object({
  id: z.string(),
  columnId: z.string(),
  columnName: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  required: z.boolean(),
  hours: z.number(),
  credits: z.number(),
  opensOn: z.string().nullable(),
  closesOn: z.string().nullable(),
  status: z.enum(courseStatuses),
  needsApproval: z.boolean(),
  lessonCount: z.number().int(),
  /** Lessons the member has completed (their credited time reached the required time). */
  lessonsDone: z.number().int(),
  /** open 可学习 · not_open 未开始 · closed 已结束 · apply 可申请 · pending 审核中 · rejected 未通过. */
  state: z.enum(memberCourseStates),
  enrolment: z.enum(enrolmentStatuses).nullable(),
  /** Why an elective request was refused. */
  rejectReason: z.string().nullable(),
});
export type MyCourseVO = z.infer<typeof myCourseSchema>;

export const studyHomeSchema = z.object({
  columns: z.array(z.object({ id: z.string(), name: z.string(), description: z.string().nullable() })),
  required: z.array(myCourseSchema),
  electives: z.array(myCourseSchema),
  /**
   * The subscribe-message template of study reminders, for the member's 允许 (WeChat delivers a
   * reminder only to someone who allowed it); null when the town has reminders off.
   */
  reminderTemplateId: z.string().nullable(),
});
export type StudyHomeVO = z.infer<typeof studyHomeSchema>;

export const myLessonSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(lessonKinds),
  durationMs: z.number().int().nullable(),
  minReadingMs: z.number().int().nullable(),
  /** Completed by this member. */
  completed: z.boolean(),
});

export const myCourseDetailSchema = myCourseSchema.extend({ lessons: z.array(myLessonSummarySchema) });
export type MyCourseDetailVO = z.infer<typeof myCourseDetailSchema>;

/**
 * A lesson's content for the member (progress comes from its own route). `fileUrl` is a signed link
 * (10 min) to the MP4 or PDF; `videoUrl` an external https video; `articleHtml` sanitised HTML.
 */
export const myLessonSchema = z.object({
  id: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  title: z.string(),
  kind: z.enum(lessonKinds),
  fileUrl: z.string().nullable(),
  videoUrl: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  minReadingMs: z.number().int().nullable(),
  articleHtml: z.string().nullable(),
  /** Previous and next lesson of the course, for the reader's buttons. */
  prevLessonId: z.string().nullable(),
  nextLessonId: z.string().nullable(),
});
export type MyLessonVO = z.infer<typeof myLessonSchema>;

const byId = z.object({ id: pathId() });
const mp = { tag: MP_TAG, audience: 'mp' as const };

export const mpStudyCourseRoutes = {
  home: defineRoute({
    ...mp,
    method: 'GET',
    path: '/api/mp/study/home',
    summary: '网上党校首页（栏目、我的必修课和选修课）',
    response: studyHomeSchema,
  }),
  course: defineRoute({
    ...mp,
    method: 'GET',
    path: '/api/mp/study/courses/:id',
    summary: '课程详情（课时目录）',
    params: byId,
    response: myCourseDetailSchema,
  }),
  enrol: defineRoute({
    ...mp,
    method: 'POST',
    path: '/api/mp/study/courses/:id/enrolment',
    summary: '申请选修（需审核的选修课）',
    params: byId,
    response: myCourseSchema,
  }),
  lesson: defineRoute({
    ...mp,
    method: 'GET',
    path: '/api/mp/study/lessons/:id',
    summary: '课时内容（视频、文档或文章）',
    params: byId,
    response: myLessonSchema,
  }),
};
