import { Config, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import { fromTenths, memberCourseState, shanghaiDate } from '@zhili/shared';
import type { MyCourseDetailVO, MyCourseVO, MyLessonVO, StudyHomeVO } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import { MemberAccountService } from '../../party';
import type { PartyMember } from '../../party';
import { CourseAccessService } from './course-access.service';
import { CourseViewsService } from './course-views.service';
import { EnrolmentService } from './enrolment.service';
import { StudyColumn } from './study-column.entity';
import type { StudyCourse } from './study-course.entity';
import { StudyEnrolment } from './study-enrolment.entity';
import { StudyLessonEntity } from './study-lesson.entity';
import { StudyLessonProgress } from '../progress/study-lesson-progress.entity';
import type { StudyEnv } from '../study.config';

/**
 * The party school in the mini-program for a linked member: the home screen (columns, my required and
 * elective courses with what I may do), a course's lessons, asking for an elective, a lesson's content.
 * Courses outside the member's audience and drafts answer 404.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CourseMpService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private accounts!: MemberAccountService;

  @Inject()
  private access!: CourseAccessService;

  @Inject()
  private enrolments!: EnrolmentService;

  @Inject()
  private views!: CourseViewsService;

  @Config('zhili.modules.study')
  private env!: Pick<StudyEnv, 'WECHAT_TMPL_STUDY_REMINDER'>;

  async home(mpUserId: string, now: Date = new Date()): Promise<StudyHomeVO> {
    const member = await this.accounts.memberOf(mpUserId);
    const courses = await this.access.addressedCourses(member);
    const [columns, mine] = await Promise.all([
      this.dataSource.getRepository(StudyColumn).find({ order: { sortOrder: 'ASC', createdAt: 'ASC' } }),
      this.myCourses(member, courses, now),
    ]);
    // Closed courses stay on the list for a record of what was studied, after the open ones.
    const order = (c: MyCourseVO) => (c.state === 'closed' ? 1 : 0);
    const sorted = [...mine].sort((a, b) => order(a) - order(b));
    return {
      columns: columns.map((c) => ({ id: c.id, name: c.name, description: c.description })),
      required: sorted.filter((c) => c.required),
      electives: sorted.filter((c) => !c.required),
      reminderTemplateId: this.env.WECHAT_TMPL_STUDY_REMINDER ?? null,
    };
  }

  async course(mpUserId: string, courseId: string, now: Date = new Date()): Promise<MyCourseDetailVO> {
    const member = await this.accounts.memberOf(mpUserId);
    const course = await this.access.courseForMember(member, courseId);
    const [vo] = await this.myCourses(member, [course], now);
    const [lessons, progress] = await Promise.all([
      this.access.lessonsOf(courseId),
      this.dataSource.getRepository(StudyLessonProgress).findBy({ memberId: member.id, courseId }),
    ]);
    const completed = new Set(progress.filter((p) => p.completedAt !== null).map((p) => p.lessonId));
    return {
      ...vo,
      lessons: lessons.map((l) => ({
        id: l.id,
        title: l.title,
        kind: l.kind,
        durationMs: l.durationMs,
        minReadingMs: l.minReadingMs,
        completed: completed.has(l.id),
      })),
    };
  }

  async enrol(mpUserId: string, courseId: string, now: Date = new Date()): Promise<MyCourseVO> {
    const member = await this.accounts.memberOf(mpUserId);
    const course = await this.access.courseForMember(member, courseId);
    if (!this.access.isOpen(course, now)) throw new AppError('FORBIDDEN', '课程不在学习时间内，不能申请');
    await this.enrolments.request(member, course, now);
    return (await this.myCourses(member, [course], now))[0];
  }

  /** A lesson's content, if the member may study it now (dates, approval): 404 / 403 otherwise. */
  async lesson(mpUserId: string, lessonId: string, now: Date = new Date()): Promise<MyLessonVO> {
    const member = await this.accounts.memberOf(mpUserId);
    const found = await this.access.lessonForMember(member, lessonId, now);
    const lessons = await this.access.lessonsOf(found.courseId);
    const at = lessons.findIndex((l) => l.id === lessonId);
    const lesson = lessons[at] as StudyLessonEntity;
    return {
      id: lesson.id,
      courseId: found.courseId,
      courseTitle: found.courseTitle,
      title: lesson.title,
      kind: lesson.kind,
      fileUrl: this.views.fileUrl(lesson, now),
      videoUrl: lesson.videoUrl,
      durationMs: lesson.durationMs,
      minReadingMs: lesson.minReadingMs,
      articleHtml: lesson.articleHtml,
      prevLessonId: lessons[at - 1]?.id ?? null,
      nextLessonId: lessons[at + 1]?.id ?? null,
    };
  }

  private async myCourses(member: PartyMember, courses: readonly StudyCourse[], now: Date): Promise<MyCourseVO[]> {
    if (courses.length === 0) return [];
    const ids = courses.map((c) => c.id);
    const [columns, enrolments, counts, done] = await Promise.all([
      this.dataSource.getRepository(StudyColumn).findBy({ id: In([...new Set(courses.map((c) => c.columnId))]) }),
      this.dataSource.getRepository(StudyEnrolment).findBy({ memberId: member.id, courseId: In(ids) }),
      this.dataSource
        .getRepository(StudyLessonEntity)
        .createQueryBuilder('l')
        .select('l.course_id', 'courseId')
        .addSelect('COUNT(*)', 'n')
        .where('l.course_id IN (:...ids)', { ids })
        .groupBy('l.course_id')
        .getRawMany<{ courseId: string; n: number | string }>(),
      this.dataSource
        .getRepository(StudyLessonProgress)
        .createQueryBuilder('p')
        .select('p.course_id', 'courseId')
        .addSelect('COUNT(*)', 'n')
        .where('p.member_id = :memberId', { memberId: member.id })
        .andWhere('p.course_id IN (:...ids)', { ids })
        .andWhere('p.completed_at IS NOT NULL')
        .groupBy('p.course_id')
        .getRawMany<{ courseId: string; n: number | string }>(),
    ]);
    const lessonsDone = new Map(done.map((r) => [r.courseId, Number(r.n)]));
    const columnNames = new Map(columns.map((c) => [c.id, c.name]));
    const byCourse = new Map(enrolments.map((e) => [e.courseId, e]));
    const lessonCounts = new Map(counts.map((r) => [r.courseId, Number(r.n)]));
    const today = shanghaiDate(now);
    return courses.map((c) => {
      const enrolment = byCourse.get(c.id) ?? null;
      const required = !!c.required;
      const needsApproval = !!c.needsApproval;
      return {
        id: c.id,
        columnId: c.columnId,
        columnName: columnNames.get(c.columnId) ?? '',
        title: c.title,
        summary: c.summary,
        required,
        hours: fromTenths(c.hoursTenths),
        credits: fromTenths(c.creditsTenths),
        opensOn: c.opensOn,
        closesOn: c.closesOn,
        status: c.status,
        needsApproval,
        lessonCount: lessonCounts.get(c.id) ?? 0,
        lessonsDone: lessonsDone.get(c.id) ?? 0,
        state: memberCourseState({ ...c, required, needsApproval }, enrolment?.status ?? null, today),
        enrolment: enrolment?.status ?? null,
        rejectReason: enrolment?.status === 'rejected' ? enrolment.reason : null,
      };
    });
  }
}
