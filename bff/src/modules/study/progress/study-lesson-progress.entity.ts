import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { epochMs } from './epoch-ms';

/**
 * One member's progress in one lesson, exactly the shared `LessonProgress` the heartbeat rule reads and
 * writes (server instants as epoch ms). `courseId` is kept for the teacher's per-course analysis.
 */
@Entity({ name: 'study_lesson_progress' })
@Index('uq_study_lesson_progress_member_lesson', ['memberId', 'lessonId'], { unique: true })
@Index('idx_study_lesson_progress_lesson', ['lessonId'])
@Index('idx_study_lesson_progress_course', ['courseId'])
export class StudyLessonProgress {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId!: string;

  @Column({ name: 'lesson_id', type: 'varchar', length: 36 })
  lessonId!: string;

  @Column({ name: 'course_id', type: 'varchar', length: 36 })
  courseId!: string;

  @Column({ name: 'credited_ms', type: 'integer', default: 0 })
  creditedMs!: number;

  @Column({ name: 'furthest_ms', type: 'integer', default: 0 })
  furthestMs!: number;

  @Column({ type: 'integer', default: 0 })
  position!: number;

  @Column({ name: 'last_seq', type: 'integer', default: 0 })
  lastSeq!: number;

  @Column({ name: 'last_heartbeat_at', type: 'bigint', nullable: true, transformer: epochMs })
  lastHeartbeatAt!: number | null;

  @Column({ name: 'completed_at', type: 'bigint', nullable: true, transformer: epochMs })
  completedAt!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
