import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { EnrolmentStatus } from '@zhili/shared';

/**
 * A member's request to study an elective that needs approval (选课), one per member and course.
 * `orgPath` is the member's organisation when they asked: their secretary reviews it.
 */
@Entity({ name: 'study_enrolment' })
@Index('uq_study_enrolment_course_member', ['courseId', 'memberId'], { unique: true })
@Index('idx_study_enrolment_org', ['orgPath'])
export class StudyEnrolment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'course_id', type: 'varchar', length: 36 })
  courseId!: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId!: string;

  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: EnrolmentStatus;

  @Column({ name: 'requested_at', type: 'varchar', length: 24 })
  requestedAt!: string;

  @Column({ name: 'decided_at', type: 'varchar', length: 24, nullable: true })
  decidedAt!: string | null;

  @Column({ name: 'decided_by', type: 'varchar', length: 36, nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
