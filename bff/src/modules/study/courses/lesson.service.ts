import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, EntityManager } from 'typeorm';
import { studyCourseLimits } from '@zhili/shared';
import type { AuditAction, LessonInput, StudyLessonVO } from '@zhili/shared';
import { Acting, AuditActorService } from '../../../core/audit';
import { AppError } from '../../../core/errors/app-error';
import { FileService, mp4DurationMs, PDF_MIME, VIDEO_MP4_MIME } from '../../file';
import { sanitizeArticleHtml } from './article-html';
import { conflict, invalid } from './course-errors';
import { CourseService } from './course.service';
import { CourseViewsService } from './course-views.service';
import type { StudyCourse } from './study-course.entity';
import { StudyLessonEntity } from './study-lesson.entity';

type LessonFields = Pick<
  StudyLessonEntity,
  'title' | 'kind' | 'fileId' | 'videoUrl' | 'durationMs' | 'minReadingMs' | 'articleHtml'
>;

/**
 * Lessons (课时) of a course the caller may edit. Files are the caller's own uploads, attached to the
 * course's scope once (an MP4 to a video lesson, a PDF to a document); a video's length is read from
 * the MP4 when staff leave it empty. Lessons of a closed course are frozen; a published course's
 * lessons may be corrected and added to, but not removed (members' progress points at them).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class LessonService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private courses!: CourseService;

  @Inject()
  private views!: CourseViewsService;

  @Inject()
  private files!: FileService;

  @Inject()
  private audit!: AuditActorService;

  async add(acting: Acting, courseId: string, input: LessonInput): Promise<StudyLessonVO> {
    const course = await this.changeable(acting, courseId);
    const repo = this.dataSource.getRepository(StudyLessonEntity);
    const existing = await repo.find({ where: { courseId }, order: { sortOrder: 'DESC' } });
    if (existing.length >= studyCourseLimits.lessonsPerCourse)
      throw conflict(`一门课程最多 ${studyCourseLimits.lessonsPerCourse} 个课时`);
    const lesson = repo.create({
      id: randomUUID(),
      courseId,
      sortOrder: (existing[0]?.sortOrder ?? 0) + 1,
      ...(await this.fieldsOf(input)),
    });
    await this.dataSource.transaction(async (m) => {
      await this.attachFile(m, acting, course, lesson, null);
      await m.getRepository(StudyLessonEntity).insert(lesson);
    });
    await this.record(acting, 'party.study.lesson.save', lesson.id);
    return this.views.lesson(lesson);
  }

  async update(acting: Acting, courseId: string, lessonId: string, input: LessonInput): Promise<StudyLessonVO> {
    const course = await this.changeable(acting, courseId);
    const lesson = await this.lessonOf(courseId, lessonId);
    if (course.status === 'published' && input.kind !== lesson.kind)
      throw invalid('kind', '已发布课程的课时不能改变类型，请新增一个课时');
    const previousFileId = lesson.fileId;
    Object.assign(lesson, await this.fieldsOf(input));
    await this.dataSource.transaction(async (m) => {
      await this.attachFile(m, acting, course, lesson, previousFileId);
      await m.getRepository(StudyLessonEntity).save(lesson);
    });
    await this.record(acting, 'party.study.lesson.save', lesson.id);
    return this.views.lesson(lesson);
  }

  async remove(acting: Acting, courseId: string, lessonId: string): Promise<void> {
    const course = await this.changeable(acting, courseId);
    await this.lessonOf(courseId, lessonId);
    if (course.status !== 'draft') throw conflict('已发布课程的课时可能已有学习记录，不能删除');
    await this.dataSource.getRepository(StudyLessonEntity).delete({ id: lessonId });
    await this.record(acting, 'party.study.lesson.delete', lessonId);
  }

  /** New order: every lesson of the course exactly once. */
  async reorder(acting: Acting, courseId: string, lessonIds: readonly string[]): Promise<StudyLessonVO[]> {
    await this.changeable(acting, courseId);
    const lessons = await this.dataSource.getRepository(StudyLessonEntity).findBy({ courseId });
    const known = new Set(lessons.map((l) => l.id));
    if (
      new Set(lessonIds).size !== lessonIds.length ||
      lessonIds.length !== lessons.length ||
      lessonIds.some((id) => !known.has(id))
    )
      throw invalid('lessonIds', '课时列表与课程不一致，请刷新后再调整顺序');
    await this.dataSource.transaction(async (m) => {
      for (const [i, id] of lessonIds.entries())
        await m.getRepository(StudyLessonEntity).update({ id }, { sortOrder: i + 1 });
    });
    await this.record(acting, 'party.study.lesson.save', courseId);
    const byId = new Map(lessons.map((l) => [l.id, l]));
    return lessonIds.map((id, i) =>
      this.views.lesson(Object.assign(byId.get(id) as StudyLessonEntity, { sortOrder: i + 1 })),
    );
  }

  private async changeable(acting: Acting, courseId: string): Promise<StudyCourse> {
    const { course } = await this.courses.editable(acting.actor, courseId);
    if (course.status === 'closed') throw conflict('课程已结束，课时不能再修改');
    return course;
  }

  private async lessonOf(courseId: string, lessonId: string): Promise<StudyLessonEntity> {
    const lesson = await this.dataSource.getRepository(StudyLessonEntity).findOneBy({ id: lessonId, courseId });
    if (!lesson) throw new AppError('NOT_FOUND', '课时不存在');
    return lesson;
  }

  /** What is stored for each kind (the other kinds' fields are cleared). */
  private async fieldsOf(input: LessonInput): Promise<LessonFields> {
    const base = {
      title: input.title,
      kind: input.kind,
      fileId: null,
      videoUrl: null,
      durationMs: null,
      minReadingMs: null,
      articleHtml: null,
    };
    if (input.kind === 'video')
      return {
        ...base,
        fileId: input.fileId ?? null,
        videoUrl: input.fileId ? null : (input.videoUrl ?? null),
        durationMs: input.durationMs ?? null,
      };
    if (input.kind === 'document')
      return { ...base, fileId: input.fileId ?? null, minReadingMs: input.minReadingMs ?? null };
    const html = sanitizeArticleHtml(input.articleHtml ?? '');
    if (!html) throw invalid('articleHtml', '请填写文章内容');
    return { ...base, articleHtml: html, minReadingMs: input.minReadingMs ?? null };
  }

  /**
   * Attaches a newly named file (the caller's own upload, not yet used) to the course's scope and checks
   * its type; keeps a file the lesson already had. Reads a video's length when none was entered.
   */
  private async attachFile(
    m: EntityManager,
    acting: Acting,
    course: StudyCourse,
    lesson: StudyLessonEntity,
    previousFileId: string | null,
  ): Promise<void> {
    if (!lesson.fileId) return;
    const want = lesson.kind === 'video' ? VIDEO_MP4_MIME : PDF_MIME;
    if (lesson.fileId !== previousFileId) {
      const [file] = await this.files
        .attach(
          m,
          [lesson.fileId],
          acting.actor,
          `study:${course.orgPath}`,
          lesson.kind === 'video' ? 'videos' : 'documents',
        )
        .catch((err: unknown) => {
          // The file service names its own field; the form's is `fileId`.
          const message = err instanceof AppError && err.details?.[0]?.message;
          throw invalid('fileId', message || '文件不存在或已被使用，请重新上传');
        });
      if (file.mime !== want) throw invalid('fileId', lesson.kind === 'video' ? '请上传 MP4 视频' : '请上传 PDF 文档');
    }
    if (lesson.kind === 'video' && !lesson.durationMs) {
      const { bytes } = await this.files.content(lesson.fileId);
      const ms = mp4DurationMs(bytes);
      if (!ms || ms < studyCourseLimits.minDurationMs || ms > studyCourseLimits.maxDurationMs)
        throw invalid('durationMs', '未能从视频文件读出时长，请手动填写视频时长');
      lesson.durationMs = ms;
    }
  }

  private async record(acting: Acting, action: AuditAction, id: string) {
    await this.audit.record(acting, { action, resourceType: 'study_lesson', resourceId: id, result: 'success' });
  }
}
