import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A resident who follows (附议 / +1) someone else's case instead of filing a duplicate. */
@Entity({ name: 'case_follower' })
export class CaseFollower {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 36 })
  caseId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
