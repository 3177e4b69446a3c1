import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AdmissionStage } from '@zhili/shared';

/**
 * One person's way through the admission pipeline (入党流程): the shared `AdmissionRecord`, stored
 * column by column, plus the branch that develops them. Each step is also a row of
 * party_admission_step (who, when, attachments); this row is the state those steps led to.
 */
@Entity({ name: 'party_admission' })
@Index('idx_party_admission_org_path', ['orgPath', 'stage'])
@Index('idx_party_admission_person', ['personId'])
export class PartyAdmission {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'person_id', type: 'varchar', length: 36 })
  personId!: string;

  @Column({ name: 'org_id', type: 'varchar', length: 36 })
  orgId!: string;

  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath!: string;

  @Column({ type: 'varchar', length: 16 })
  stage!: AdmissionStage;

  @Column({ name: 'applied_on', type: 'varchar', length: 10 })
  appliedOn!: string;

  @Column({ name: 'talked_on', type: 'varchar', length: 10, nullable: true })
  talkedOn!: string | null;

  @Column({ name: 'activist_on', type: 'varchar', length: 10, nullable: true })
  activistOn!: string | null;

  @Column({ name: 'candidate_on', type: 'varchar', length: 10, nullable: true })
  candidateOn!: string | null;

  @Column({ name: 'political_review_on', type: 'varchar', length: 10, nullable: true })
  politicalReviewOn!: string | null;

  @Column({ name: 'training_on', type: 'varchar', length: 10, nullable: true })
  trainingOn!: string | null;

  @Column({ name: 'admitted_on', type: 'varchar', length: 10, nullable: true })
  admittedOn!: string | null;

  @Column({ name: 'approved_on', type: 'varchar', length: 10, nullable: true })
  approvedOn!: string | null;

  @Column({ name: 'probation_ends_on', type: 'varchar', length: 10, nullable: true })
  probationEndsOn!: string | null;

  @Column({ name: 'postponed_months', type: 'integer', nullable: true })
  postponedMonths!: number | null;

  @Column({ name: 'converted_on', type: 'varchar', length: 10, nullable: true })
  convertedOn!: string | null;

  @Column({ name: 'closed_on', type: 'varchar', length: 10, nullable: true })
  closedOn!: string | null;

  /** The member file made when the person was admitted as probationary. */
  @Column({ name: 'member_id', type: 'varchar', length: 36, nullable: true })
  memberId!: string | null;

  /** Bumped by every step; a step checks it (two staff recording at once: one gets 409). */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
