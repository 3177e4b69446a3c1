import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AppraisalGroup, AppraisalStatus } from '@zhili/shared';

/**
 * One democratic appraisal (民主评议党员) of a branch for a period. `regionPath` is the region the branch
 * served when it was opened: its residents vote as 群众. Results are computed once, on close.
 */
@Entity({ name: 'appraisal_round' })
@Index('idx_appraisal_round_org_path', ['orgPath'])
export class AppraisalRound {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'org_id', type: 'varchar', length: 36 })
  orgId!: string;

  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath!: string;

  @Column({ name: 'region_path', type: 'varchar', length: 255, nullable: true })
  regionPath!: string | null;

  @Column({ type: 'varchar', length: 100 })
  title!: string;

  @Column({ type: 'varchar', length: 32 })
  period!: string;

  @Column({ name: 'opens_on', type: 'varchar', length: 10 })
  opensOn!: string;

  @Column({ name: 'closes_on', type: 'varchar', length: 10 })
  closesOn!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: AppraisalStatus;

  @Column({ name: 'closed_at', type: 'varchar', length: 24, nullable: true })
  closedAt!: string | null;

  @Column({ name: 'actor_id', type: 'varchar', length: 36 })
  actorId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}

/** A member being appraised, with the result written on close (score in tenths, null = no votes). */
@Entity({ name: 'appraisal_subject' })
export class AppraisalSubject {
  @PrimaryColumn({ name: 'round_id', type: 'varchar', length: 36 })
  roundId!: string;

  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId!: string;

  @Column({ name: 'score_tenths', type: 'integer', nullable: true })
  scoreTenths!: number | null;
}

/**
 * "This voter has graded this member" (the one-vote rule as a primary key) and the voter's group for
 * the progress counts. The grade itself is in `appraisal_vote`, which names no voter (secret ballot).
 */
@Entity({ name: 'appraisal_ballot' })
@Index('idx_appraisal_ballot_round', ['roundId', 'voterGroup'])
export class AppraisalBallot {
  @PrimaryColumn({ name: 'round_id', type: 'varchar', length: 36 })
  roundId!: string;

  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId!: string;

  /** `member:<memberId>` or `mp:<mpUserId>`. */
  @PrimaryColumn({ name: 'voter_key', type: 'varchar', length: 48 })
  voterKey!: string;

  @Column({ name: 'voter_group', type: 'varchar', length: 16 })
  voterGroup!: AppraisalGroup;
}

/** One grade of one member by someone of `voterGroup`; no voter id. */
@Entity({ name: 'appraisal_vote' })
@Index('idx_appraisal_vote_round', ['roundId', 'memberId'])
export class AppraisalVote {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'round_id', type: 'varchar', length: 36 })
  roundId!: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId!: string;

  @Column({ name: 'voter_group', type: 'varchar', length: 16 })
  voterGroup!: AppraisalGroup;

  @Column({ type: 'varchar', length: 16 })
  grade!: string;

  @Column({ type: 'integer' })
  score!: number;
}
