import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import { fromTenths, requiredStudyMs } from '@zhili/shared';
import type { StudyCourseVO, StudyLessonVO } from '@zhili/shared';
import { FileLinkService, VIDEO_LINK_TTL_SEC } from '../../file';
import { inPartyScope, PartyOrg } from '../../party';
import type { PartyScope } from '../../party';
import { StudyColumn } from './study-column.entity';
import { StudyCourse } from './study-course.entity';
import { StudyLessonEntity, toStudyLesson } from './study-lesson.entity';

/** The wire shapes of courses and lessons, with names looked up once per page. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CourseViewsService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private links!: FileLinkService;

  async courses(scope: PartyScope, courses: readonly StudyCourse[]): Promise<StudyCourseVO[]> {
    if (courses.length === 0) return [];
    const columnIds = [...new Set(courses.map((c) => c.columnId))];
    const orgIds = [...new Set(courses.flatMap((c) => [c.orgId, ...c.audienceOrgIds]))];
    const [columns, orgs, counts] = await Promise.all([
      this.dataSource.getRepository(StudyColumn).findBy({ id: In(columnIds) }),
      this.dataSource.getRepository(PartyOrg).findBy({ id: In(orgIds) }),
      this.dataSource
        .getRepository(StudyLessonEntity)
        .createQueryBuilder('l')
        .select('l.course_id', 'courseId')
        .addSelect('COUNT(*)', 'n')
        .where('l.course_id IN (:...ids)', { ids: courses.map((c) => c.id) })
        .groupBy('l.course_id')
        .getRawMany<{ courseId: string; n: number | string }>(),
    ]);
    const columnNames = new Map(columns.map((c) => [c.id, c.name]));
    const orgNames = new Map(orgs.map((o) => [o.id, o.name]));
    const lessonCounts = new Map(counts.map((r) => [r.courseId, Number(r.n)]));
    return courses.map((c) => ({
      id: c.id,
      columnId: c.columnId,
      columnName: columnNames.get(c.columnId) ?? '',
      orgId: c.orgId,
      orgName: orgNames.get(c.orgId) ?? '',
      title: c.title,
      summary: c.summary,
      required: !!c.required,
      hours: fromTenths(c.hoursTenths),
      credits: fromTenths(c.creditsTenths),
      opensOn: c.opensOn,
      closesOn: c.closesOn,
      audience: c.audience,
      audienceOrgs: c.audienceOrgIds.map((id) => ({ id, name: orgNames.get(id) ?? '' })),
      needsApproval: !!c.needsApproval,
      status: c.status,
      publishedAt: c.publishedAt,
      lessonCount: lessonCounts.get(c.id) ?? 0,
      editable: inPartyScope(scope, c.orgPath),
    }));
  }

  /** A signed link to a lesson's file: videos get the long life a player needs for range requests. */
  fileUrl(lesson: Pick<StudyLessonEntity, 'kind' | 'fileId'>, now: Date = new Date()): string | null {
    if (!lesson.fileId) return null;
    return this.links.url(lesson.fileId, now, lesson.kind === 'video' ? VIDEO_LINK_TTL_SEC : undefined);
  }

  lesson(l: StudyLessonEntity): StudyLessonVO {
    return {
      id: l.id,
      courseId: l.courseId,
      sortOrder: l.sortOrder,
      title: l.title,
      kind: l.kind,
      fileId: l.fileId,
      fileUrl: this.fileUrl(l),
      videoUrl: l.videoUrl,
      durationMs: l.durationMs,
      minReadingMs: l.minReadingMs,
      articleHtml: l.articleHtml,
      requiredMs: requiredStudyMs(toStudyLesson(l)),
    };
  }
}
