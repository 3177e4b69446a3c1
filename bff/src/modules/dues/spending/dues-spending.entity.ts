import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { DuesSpendingCategory } from '@zhili/shared';

/**
 * One spending of party dues (党费支出) by a party organisation: what for, how much, who approved it,
 * and the receipts or approval forms as stored files. Kept with the organisation's path, so the
 * party scope that covers the organisation covers its spending.
 */
@Entity({ name: 'dues_spending' })
@Index('idx_dues_spending_org_spent', ['orgPath', 'spentOn'])
export class DuesSpending {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'org_id', type: 'varchar', length: 36 })
  orgId!: string;

  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath!: string;

  /** Beijing day the money was spent, `YYYY-MM-DD`. */
  @Column({ name: 'spent_on', type: 'varchar', length: 10 })
  spentOn!: string;

  @Column({ name: 'amount_fen', type: 'integer' })
  amountFen!: number;

  /** 用途 */
  @Column({ type: 'varchar', length: 200 })
  purpose!: string;

  @Column({ type: 'varchar', length: 16 })
  category!: DuesSpendingCategory;

  @Column({ name: 'approver_name', type: 'varchar', length: 32 })
  approverName!: string;

  @Column({ name: 'approved_on', type: 'varchar', length: 10 })
  approvedOn!: string;

  /** Stored-file ids (receipts, approval forms), attached with the organisation's party scope. */
  @Column({ type: 'simple-json' })
  attachments!: string[];

  /** Staff user who recorded it (or last changed it). */
  @Column({ name: 'recorded_by', type: 'varchar', length: 36 })
  recordedBy!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;

  @VersionColumn({ type: 'integer' })
  version!: number;
}
