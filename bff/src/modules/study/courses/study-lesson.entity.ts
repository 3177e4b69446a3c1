import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { LessonKind, StudyLesson } from '@zhili/shared';

/**
 * A lesson (课时) of a course, in `sortOrder`. Video: an uploaded MP4 (`fileId`) or an external https
 * link (`videoUrl`), with `durationMs`; document: an uploaded PDF (`fileId`) with `minReadingMs`;
 * article: sanitised `articleHtml` with `minReadingMs`.
 */
@Entity({ name: 'study_lesson' })
@Index('idx_study_lesson_course', ['courseId', 'sortOrder'])
export class StudyLessonEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'course_id', type: 'varchar', length: 36 })
  courseId!: string;

  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder!: number;

  @Column({ type: 'varchar', length: 100 })
  title!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: LessonKind;

  @Column({ name: 'file_id', type: 'varchar', length: 36, nullable: true })
  fileId!: string | null;

  @Column({ name: 'video_url', type: 'varchar', length: 1000, nullable: true })
  videoUrl!: string | null;

  @Column({ name: 'duration_ms', type: 'integer', nullable: true })
  durationMs!: number | null;

  @Column({ name: 'min_reading_ms', type: 'integer', nullable: true })
  minReadingMs!: number | null;

  @Column({ name: 'article_html', type: 'text', nullable: true })
  articleHtml!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}

/** The lesson as the shared progress rules see it. */
export function toStudyLesson(lesson: StudyLessonEntity): StudyLesson {
  if (lesson.kind === 'video') return { id: lesson.id, kind: 'video', durationMs: lesson.durationMs ?? 0 };
  return { id: lesson.id, kind: lesson.kind, minReadingMs: lesson.minReadingMs ?? 0 };
}
