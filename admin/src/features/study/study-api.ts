import { studyCourseRoutes as R } from '@zhili/shared';
import type { ClientInput, ClientOutput } from '@zhili/shared';
import { api } from '@/api/contract-client';
import { http } from '@/api/http';

type Body<Route> = Route extends { body: infer B } ? B : never;
type Query<Route> = Route extends { query?: infer Q } ? NonNullable<Q> : never;

export type CourseQuery = Query<ClientInput<typeof R.list>>;
export type CourseBody = Body<ClientInput<typeof R.create>>;
export type ColumnBody = Body<ClientInput<typeof R.createColumn>>;
export type LessonBody = Body<ClientInput<typeof R.addLesson>>;
export type EnrolmentQuery = Query<ClientInput<typeof R.enrolments>>;
export type LessonFile = ClientOutput<typeof R.upload>;

/** 网上党校 in the portal. Saving in dialogs is silent (the dialog shows errors); actions toast theirs. */
export const studyApi = {
  columns: (page = 1, pageSize = 100) => api(R.columns, { query: { page, pageSize } }),
  createColumn: (body: ColumnBody) => api(R.createColumn, { body }, { silent: true }),
  updateColumn: (id: string, body: ColumnBody) => api(R.updateColumn, { params: { id }, body }, { silent: true }),
  removeColumn: (id: string) => api(R.removeColumn, { params: { id } }),
  courses: (query: CourseQuery) => api(R.list, { query }),
  course: (id: string) => api(R.get, { params: { id } }),
  createCourse: (body: CourseBody) => api(R.create, { body }, { silent: true }),
  updateCourse: (id: string, body: CourseBody) => api(R.update, { params: { id }, body }, { silent: true }),
  publish: (id: string) => api(R.publish, { params: { id } }),
  close: (id: string) => api(R.close, { params: { id } }),
  removeCourse: (id: string) => api(R.remove, { params: { id } }),
  addLesson: (id: string, body: LessonBody) => api(R.addLesson, { params: { id }, body }, { silent: true }),
  updateLesson: (id: string, lessonId: string, body: LessonBody) =>
    api(R.updateLesson, { params: { id, lessonId }, body }, { silent: true }),
  removeLesson: (id: string, lessonId: string) => api(R.removeLesson, { params: { id, lessonId } }),
  reorder: (id: string, lessonIds: string[]) => api(R.reorderLessons, { params: { id }, body: { lessonIds } }),
  /** An MP4 (`video`) or a PDF (`document`) for a lesson; attached when the lesson is saved. */
  upload(kind: 'video' | 'document', file: File): Promise<LessonFile> {
    const form = new FormData();
    form.append('file', file, file.name);
    return http.upload<LessonFile>(R.upload.path, form, { query: { kind }, timeoutMs: 10 * 60_000 });
  },
  enrolments: (query: EnrolmentQuery) => api(R.enrolments, { query }),
  approve: (id: string) => api(R.approveEnrolment, { params: { id } }),
  reject: (id: string, reason: string) =>
    api(R.rejectEnrolment, { params: { id }, body: { reason } }, { silent: true }),
};
