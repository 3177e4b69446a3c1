import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * An exam (在线考试) held by an organisation (`orgPath`, its party scope) for all members under it or
 * for chosen organisations (`audiencePaths`). The paper is fixed (`questionIds`) or drawn per attempt
 * from the bank by category × count (`sections`). Times are ISO instants.
 */
@Entity({ name: 'exam' })
@Index('idx_exam_org', ['orgPath'])
export class Exam {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'org_id', type: 'varchar', length: 36 })
  orgId!: string;

  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath!: string;

  @Column({ type: 'varchar', length: 60 })
  title!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description!: string | null;

  @Column({ name: 'paper_kind', type: 'varchar', length: 8 })
  paperKind!: 'fixed' | 'drawn';

  @Column({ name: 'question_ids', type: 'simple-json' })
  questionIds!: string[];

  @Column({ type: 'simple-json' })
  sections!: { category: string; count: number }[];

  @Column({ name: 'points_each', type: 'integer' })
  pointsEach!: number;

  @Column({ name: 'pass_mark', type: 'integer' })
  passMark!: number;

  @Column({ name: 'time_limit_minutes', type: 'integer' })
  timeLimitMinutes!: number;

  @Column({ name: 'attempts_allowed', type: 'integer', nullable: true })
  attemptsAllowed!: number | null;

  @Column({ name: 'opens_at', type: 'varchar', length: 24 })
  opensAt!: string;

  @Column({ name: 'closes_at', type: 'varchar', length: 24, nullable: true })
  closesAt!: string | null;

  @Column({ name: 'audience_kind', type: 'varchar', length: 8 })
  audienceKind!: 'all' | 'orgs';

  @Column({ name: 'audience_org_ids', type: 'simple-json' })
  audienceOrgIds!: string[];

  /** Paths whose members may sit the exam (the owner's path for `all`). */
  @Column({ name: 'audience_paths', type: 'simple-json' })
  audiencePaths!: string[];

  @Column({ name: 'published_at', type: 'varchar', length: 24, nullable: true })
  publishedAt!: string | null;

  @Column({ name: 'actor_id', type: 'varchar', length: 36 })
  actorId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
