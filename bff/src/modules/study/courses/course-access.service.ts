import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { courseAddresses, courseClosedReason, memberCourseState, shanghaiDate } from '@zhili/shared';
import type { EnrolmentStatus, StudyLesson } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import { needsPrefixRange, prefixCondition } from '../../../core/scope/data-scope';
import { PartyMember } from '../../party';
import { StudyCourse } from './study-course.entity';
import { StudyEnrolment } from './study-enrolment.entity';
import { StudyLessonEntity, toStudyLesson } from './study-lesson.entity';

/** The lesson as the progress rules need it, with the names a progress screen shows. */
export interface MemberLesson {
  lesson: StudyLesson;
  courseId: string;
  courseTitle: string;
  lessonTitle: string;
  required: boolean;
}

const notFound = () => new AppError('NOT_FOUND', '课程不存在或不面向您');

/**
 * Who may study what, for the rest of the party school (progress, points, analysis): a member studies
 * a lesson of a published course that addresses their organisation, within its dates, and — for an
 * elective that needs approval — once their request is approved. Out-of-audience and unpublished
 * answer NOT_FOUND (no probing); dates and pending approval answer FORBIDDEN with a reason to show.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CourseAccessService {
  @InjectDataSource()
  private dataSource!: DataSource;

  /** The lesson, if `member` may study it now; AppError NOT_FOUND / FORBIDDEN otherwise. */
  async lessonForMember(member: PartyMember, lessonId: string, now: Date = new Date()): Promise<MemberLesson> {
    const lesson = await this.dataSource.getRepository(StudyLessonEntity).findOneBy({ id: lessonId });
    if (!lesson) throw new AppError('NOT_FOUND', '课时不存在或不面向您');
    const course = await this.courseForMember(member, lesson.courseId);
    await this.assertMayStudy(member, course, now);
    return {
      lesson: toStudyLesson(lesson),
      courseId: course.id,
      courseTitle: course.title,
      lessonTitle: lesson.title,
      required: !!course.required,
    };
  }

  /** A published or closed course addressing the member (NOT_FOUND otherwise, also for drafts). */
  async courseForMember(member: PartyMember, courseId: string): Promise<StudyCourse> {
    const course = await this.dataSource.getRepository(StudyCourse).findOneBy({ id: courseId });
    if (!course || course.status === 'draft' || member.status !== 'active') throw notFound();
    if (!courseAddresses(course, member.orgPath)) throw notFound();
    return course;
  }

  /** FORBIDDEN with the reason when the member may not study the course today. */
  async assertMayStudy(member: PartyMember, course: StudyCourse, now: Date = new Date()): Promise<void> {
    const enrolment = await this.enrolmentOf(member.id, course.id);
    const state = memberCourseState(
      { ...course, required: !!course.required, needsApproval: !!course.needsApproval },
      enrolment?.status ?? null,
      shanghaiDate(now),
    );
    const refusal: Record<Exclude<typeof state, 'open'>, string> = {
      not_open: `课程将于 ${course.opensOn ?? ''} 开始，请到时再来学习`,
      closed: '课程已结束，不能再学习',
      apply: '这门选修课需要先申请选课，审核通过后才能学习',
      pending: '您的选课申请正在审核，通过后即可学习',
      rejected: '您的选课申请未通过，如有疑问请联系支部书记',
    };
    if (state !== 'open') throw new AppError('FORBIDDEN', refusal[state]);
  }

  async enrolmentOf(memberId: string, courseId: string): Promise<StudyEnrolment | null> {
    return this.dataSource.getRepository(StudyEnrolment).findOneBy({ memberId, courseId });
  }

  /**
   * Published courses addressing the member that they may study: required ones, and electives that
   * are open to all or whose request was approved (open today or not: callers filter by date if needed).
   */
  async coursesForMember(member: PartyMember): Promise<StudyCourse[]> {
    if (member.status !== 'active') return [];
    const courses = (await this.addressedCourses(member)).filter((c) => c.status === 'published');
    const approved = new Set(
      (
        await this.dataSource
          .getRepository(StudyEnrolment)
          .findBy({ memberId: member.id, status: 'approved' as EnrolmentStatus })
      ).map((e) => e.courseId),
    );
    return courses.filter((c) => c.required || !c.needsApproval || approved.has(c.id));
  }

  /** Published and closed courses whose audience includes the member's organisation, newest first. */
  async addressedCourses(member: PartyMember): Promise<StudyCourse[]> {
    const all = await this.dataSource
      .getRepository(StudyCourse)
      .createQueryBuilder('c')
      .where('c.status IN (:...statuses)', { statuses: ['published', 'closed'] })
      .orderBy('c.publishedAt', 'DESC')
      .getMany();
    // Courses are few (tens a year): the audience test runs here rather than as JSON in SQL.
    return all.filter((c) => courseAddresses(c, member.orgPath));
  }

  /** Active member ids in a course's audience (for analysis and laggards); [] for an unknown course. */
  async audienceMemberIds(courseId: string): Promise<string[]> {
    const course = await this.dataSource.getRepository(StudyCourse).findOneBy({ id: courseId });
    if (!course) return [];
    const qb = this.dataSource
      .getRepository(PartyMember)
      .createQueryBuilder('m')
      .select('m.id', 'id')
      .where('m.status = :active', { active: 'active' });
    if (course.audience === 'orgs') {
      if (course.audiencePaths.length === 0) return [];
      const range = needsPrefixRange(this.dataSource);
      qb.andWhere(
        new Brackets((or) => {
          course.audiencePaths.forEach((p, i) => or.orWhere(...prefixCondition('m.org_path', p, `aud${i}`, range)));
        }),
      );
    }
    const rows = await qb.getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /** Lessons of a course in order (the required time of each: `requiredStudyMs(toStudyLesson(l))`). */
  async lessonsOf(courseId: string): Promise<StudyLessonEntity[]> {
    return this.dataSource
      .getRepository(StudyLessonEntity)
      .find({ where: { courseId }, order: { sortOrder: 'ASC', createdAt: 'ASC' } });
  }

  /** Whether the course is open for study today (dates and status only). */
  isOpen(course: StudyCourse, now: Date = new Date()): boolean {
    return courseClosedReason(course, shanghaiDate(now)) === null;
  }
}
