import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** WeChat Pay's refund states: PROCESSING → SUCCESS | CLOSED | ABNORMAL (money stuck: a person must act). */
export type DuesRefundStatus = 'PROCESSING' | 'SUCCESS' | 'CLOSED' | 'ABNORMAL';

/**
 * A refund of a paid dues order, asked for by the town's finance staff (dues:finance). `out_refund_no` is
 * ours and unique: asking WeChat Pay again with it returns the same refund, never a second one. The row is
 * written before WeChat Pay is asked, so a crash in between leaves a PROCESSING refund that the on-read
 * query and the job finish.
 */
@Entity({ name: 'dues_refund' })
@Index('uq_dues_refund_out_refund_no', ['outRefundNo'], { unique: true })
@Index('idx_dues_refund_order', ['outTradeNo'])
@Index('idx_dues_refund_status', ['status', 'createdAt'])
export class DuesRefund {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'out_refund_no', type: 'varchar', length: 64 })
  outRefundNo!: string;

  @Column({ name: 'out_trade_no', type: 'varchar', length: 32 })
  outTradeNo!: string;

  @Column({ name: 'amount_fen', type: 'integer' })
  amountFen!: number;

  @Column({ type: 'varchar', length: 80 })
  reason!: string;

  @Column({ type: 'varchar', length: 12, default: 'PROCESSING' })
  status!: DuesRefundStatus;

  /** WeChat Pay's refund_id, once it answered. */
  @Column({ name: 'refund_id', type: 'varchar', length: 32, nullable: true })
  refundId!: string | null;

  /** ISO time WeChat Pay reports the money returned. */
  @Column({ name: 'success_time', type: 'varchar', length: 32, nullable: true })
  successTime!: string | null;

  /** Staff user who asked for it. */
  @Column({ name: 'requested_by', type: 'varchar', length: 36 })
  requestedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
