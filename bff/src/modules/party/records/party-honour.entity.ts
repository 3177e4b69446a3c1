import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { HonourKind, HonourLevel, HonourStatus } from '@zhili/shared';

/**
 * An honour (组织荣誉 / 党员荣誉) of an organisation or one of its members, through the workflow of
 * shared `honourWorkflow`. `orgPath` is the organisation's path (the party scope); certificate photos
 * are stored files attached with that scope.
 */
@Entity({ name: 'party_honour' })
@Index('idx_party_honour_org', ['orgPath'])
@Index('idx_party_honour_member', ['memberId'])
export class PartyHonour {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: HonourKind;

  @Column({ name: 'org_id', type: 'varchar', length: 36 })
  orgId!: string;

  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath!: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36, nullable: true })
  memberId!: string | null;

  @Column({ type: 'varchar', length: 100 })
  title!: string;

  @Column({ type: 'varchar', length: 16 })
  level!: HonourLevel;

  @Column({ name: 'awarding_body', type: 'varchar', length: 100 })
  awardingBody!: string;

  /** YYYY-MM-DD. */
  @Column({ name: 'awarded_on', type: 'varchar', length: 10 })
  awardedOn!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: HonourStatus;

  @Column({ name: 'reject_reason', type: 'varchar', length: 500, nullable: true })
  rejectReason!: string | null;

  @Column({ name: 'attachment_ids', type: 'simple-json' })
  attachmentIds!: string[];

  /** ISO instants of the workflow steps, and who took them. */
  @Column({ name: 'submitted_at', type: 'varchar', length: 24, nullable: true })
  submittedAt!: string | null;

  @Column({ name: 'submitted_by', type: 'varchar', length: 36, nullable: true })
  submittedBy!: string | null;

  @Column({ name: 'reviewed_at', type: 'varchar', length: 24, nullable: true })
  reviewedAt!: string | null;

  @Column({ name: 'reviewed_by', type: 'varchar', length: 36, nullable: true })
  reviewedBy!: string | null;

  @Column({ name: 'published_at', type: 'varchar', length: 24, nullable: true })
  publishedAt!: string | null;

  @Column({ name: 'actor_id', type: 'varchar', length: 36 })
  actorId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
