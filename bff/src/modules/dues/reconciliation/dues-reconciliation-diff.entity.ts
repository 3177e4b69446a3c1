import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ReconcileDiffKind } from '@zhili/shared';

/**
 * One difference a reconciliation found, for a person to look into and resolve. A re-run of the day
 * replaces the unresolved ones; a resolved difference that the re-run finds again keeps who resolved it.
 */
@Entity({ name: 'dues_reconciliation_diff' })
@Index('idx_dues_reconciliation_diff_date', ['date'])
export class DuesReconciliationDiff {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 10 })
  date!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: ReconcileDiffKind;

  @Column({ name: 'out_trade_no', type: 'varchar', length: 32 })
  outTradeNo!: string;

  @Column({ name: 'out_refund_no', type: 'varchar', length: 64, nullable: true })
  outRefundNo!: string | null;

  @Column({ name: 'our_fen', type: 'integer', nullable: true })
  ourFen!: number | null;

  @Column({ name: 'their_fen', type: 'integer', nullable: true })
  theirFen!: number | null;

  @Column({ type: 'varchar', length: 300 })
  note!: string;

  @Column({ name: 'resolved_by', type: 'varchar', length: 36, nullable: true })
  resolvedBy!: string | null;

  /** ISO instant. */
  @Column({ name: 'resolved_at', type: 'varchar', length: 32, nullable: true })
  resolvedAt!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  resolution!: string | null;
}
