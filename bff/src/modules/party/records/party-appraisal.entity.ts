import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AppraisalResult } from '@zhili/shared';

/**
 * A member's democratic appraisal result (民主评议) for a year, recorded by the branch and published
 * to the member; the vote itself comes with surveys. Kept with the member's organisation of the time.
 */
@Entity({ name: 'party_appraisal' })
@Index('idx_party_appraisal_org', ['orgPath'])
@Index('uq_party_appraisal_member_year', ['memberId', 'year'], { unique: true })
export class PartyAppraisal {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId!: string;

  @Column({ name: 'org_id', type: 'varchar', length: 36 })
  orgId!: string;

  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath!: string;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'varchar', length: 24 })
  result!: AppraisalResult;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @Column({ name: 'published_at', type: 'varchar', length: 24, nullable: true })
  publishedAt!: string | null;

  @Column({ name: 'actor_id', type: 'varchar', length: 36 })
  actorId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
