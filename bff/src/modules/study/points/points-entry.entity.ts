import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { StudyEventKind } from '@zhili/shared';
import { epochMs } from '../progress/epoch-ms';

/**
 * One immutable entry of the points ledger (学习积分), never updated or deleted. One entry per member,
 * kind and source (the lesson, exam, meeting, survey; the Beijing date for a daily login), so a
 * repeated award is a no-op; a capped event is kept with 0 points and its reason.
 */
@Entity({ name: 'study_points_entry' })
@Index('uq_study_points_entry_source', ['memberId', 'kind', 'sourceId'], { unique: true })
@Index('idx_study_points_entry_day', ['day'])
@Index('idx_study_points_entry_member_day', ['memberId', 'day'])
export class PointsEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: StudyEventKind;

  @Column({ name: 'source_id', type: 'varchar', length: 64 })
  sourceId!: string;

  @Column({ type: 'integer' })
  points!: number;

  @Column({ type: 'varchar', length: 100 })
  reason!: string;

  @Column({ type: 'bigint', transformer: epochMs })
  at!: number;

  /** Beijing date of `at` (YYYY-MM-DD): the daily caps and period totals read it. */
  @Column({ type: 'varchar', length: 10 })
  day!: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
