import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CourseAudience, CourseStatus } from '@zhili/shared';

/**
 * A course (课程) of the party school. `orgPath` is the owning organisation's path (the staff scope);
 * `audiencePaths` the addressed organisations' paths (a member studies it when their organisation's
 * path starts with one of them, or always when `audience` is `all`). Hours and credits in tenths.
 */
@Entity({ name: 'study_course' })
@Index('idx_study_course_org', ['orgPath'])
@Index('idx_study_course_column', ['columnId'])
@Index('idx_study_course_status', ['status'])
export class StudyCourse {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'column_id', type: 'varchar', length: 36 })
  columnId!: string;

  @Column({ name: 'org_id', type: 'varchar', length: 36 })
  orgId!: string;

  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath!: string;

  @Column({ type: 'varchar', length: 100 })
  title!: string;

  @Column({ type: 'text', nullable: true })
  summary!: string | null;

  /** 必修 (true) or 选修. */
  @Column({ type: 'boolean', default: false })
  required!: boolean;

  @Column({ name: 'hours_tenths', type: 'integer', default: 0 })
  hoursTenths!: number;

  @Column({ name: 'credits_tenths', type: 'integer', default: 0 })
  creditsTenths!: number;

  /** First and last day of study (Beijing dates, inclusive); null = no bound. */
  @Column({ name: 'opens_on', type: 'varchar', length: 10, nullable: true })
  opensOn!: string | null;

  @Column({ name: 'closes_on', type: 'varchar', length: 10, nullable: true })
  closesOn!: string | null;

  @Column({ type: 'varchar', length: 8 })
  audience!: CourseAudience;

  @Column({ name: 'audience_org_ids', type: 'simple-json' })
  audienceOrgIds!: string[];

  @Column({ name: 'audience_paths', type: 'simple-json' })
  audiencePaths!: string[];

  /** Electives only: a member asks (选课) and staff approve before they may study. */
  @Column({ name: 'needs_approval', type: 'boolean', default: false })
  needsApproval!: boolean;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status!: CourseStatus;

  @Column({ name: 'published_at', type: 'varchar', length: 24, nullable: true })
  publishedAt!: string | null;

  @Column({ name: 'closed_at', type: 'varchar', length: 24, nullable: true })
  closedAt!: string | null;

  @Column({ name: 'actor_id', type: 'varchar', length: 36 })
  actorId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
