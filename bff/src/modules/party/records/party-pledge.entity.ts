import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { FulfilmentStatus } from '@zhili/shared';

/**
 * A member's pledge for a year (党员承诺) and the branch's year-end record of how it was kept
 * (承诺践诺). The organisation is the member's when the pledge was made: it stays with that branch.
 */
@Entity({ name: 'party_pledge' })
@Index('idx_party_pledge_org', ['orgPath'])
@Index('uq_party_pledge_member_year', ['memberId', 'year'], { unique: true })
export class PartyPledge {
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

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fulfilment!: FulfilmentStatus | null;

  @Column({ name: 'fulfilment_note', type: 'text', nullable: true })
  fulfilmentNote!: string | null;

  /** YYYY-MM-DD (Beijing) of the year-end assessment. */
  @Column({ name: 'assessed_on', type: 'varchar', length: 10, nullable: true })
  assessedOn!: string | null;

  @Column({ name: 'actor_id', type: 'varchar', length: 36 })
  actorId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
