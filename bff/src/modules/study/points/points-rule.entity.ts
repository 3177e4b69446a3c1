import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { StudyEventKind } from '@zhili/shared';

/** One row of the configurable points table; no rows at all = the shared `defaultPointsRules`. */
@Entity({ name: 'study_points_rule' })
export class PointsRuleRow {
  @PrimaryColumn({ type: 'varchar', length: 24 })
  kind!: StudyEventKind;

  @Column({ type: 'integer' })
  points!: number;

  @Column({ name: 'daily_cap', type: 'integer', nullable: true })
  dailyCap!: number | null;

  @Column({ name: 'actor_id', type: 'varchar', length: 36 })
  actorId!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
