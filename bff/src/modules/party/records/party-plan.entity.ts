import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { PlanKind } from '@zhili/shared';

/** An organisation's annual plan or summary (计划总结): one of each per organisation and year. */
@Entity({ name: 'party_plan' })
@Index('idx_party_plan_org', ['orgPath'])
@Index('uq_party_plan_org_year_kind', ['orgId', 'year', 'kind'], { unique: true })
export class PartyPlan {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'org_id', type: 'varchar', length: 36 })
  orgId!: string;

  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath!: string;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'varchar', length: 8 })
  kind!: PlanKind;

  @Column({ type: 'varchar', length: 100 })
  title!: string;

  /** Stored already sanitised (notice-html). */
  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'attachment_ids', type: 'simple-json' })
  attachmentIds!: string[];

  @Column({ name: 'actor_id', type: 'varchar', length: 36 })
  actorId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
