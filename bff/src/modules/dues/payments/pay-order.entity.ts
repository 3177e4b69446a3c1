import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A WeChat Pay JSAPI order for one or more of a member's unpaid bills. Amount, bills and attach come
 * from the bills, never from the client. `status` follows WeChat Pay's trade_state as far as we know
 * it: `created` (prepay issued) → `paid` | `closed` (expired or superseded) | `refunded` (in full).
 */
@Entity({ name: 'pay_order' })
@Index('idx_pay_order_member', ['memberId', 'createdAt'])
@Index('idx_pay_order_status_expires', ['status', 'expiresAt'])
export class PayOrder {
  /** out_trade_no: 6–32 letters and digits, ours. */
  @PrimaryColumn({ name: 'out_trade_no', type: 'varchar', length: 32 })
  outTradeNo!: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId!: string;

  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath!: string;

  /** The mini-program user who pays (payer openid is read from their row, never from the client). */
  @Column({ name: 'mp_user_id', type: 'varchar', length: 36 })
  mpUserId!: string;

  /** JSON array of the bill ids the order pays, in month order. */
  @Column({ name: 'bill_ids', type: 'text' })
  billIds!: string;

  @Column({ name: 'amount_fen', type: 'integer' })
  amountFen!: number;

  @Column({ type: 'varchar', length: 127 })
  description!: string;

  @Column({ type: 'varchar', length: 12, default: 'created' })
  status!: string;

  @Column({ name: 'prepay_id', type: 'varchar', length: 64, nullable: true })
  prepayId!: string | null;

  /** WeChat Pay's transaction_id, once paid. */
  @Column({ name: 'transaction_id', type: 'varchar', length: 32, nullable: true })
  transactionId!: string | null;

  @Column({ name: 'paid_at', type: 'varchar', length: 32, nullable: true })
  paidAt!: string | null;

  /** time_expire sent to WeChat Pay (ISO); the close job closes unpaid orders after it. */
  @Column({ name: 'expires_at', type: 'varchar', length: 32 })
  expiresAt!: string;

  /** Refunded so far, in fen. */
  @Column({ name: 'refunded_fen', type: 'integer', default: 0 })
  refundedFen!: number;

  /**
   * Paid through this order for bills that had meanwhile been paid otherwise (cash, 代缴): the money
   * arrived but credited nothing, so it is owed back (the finance page refunds it). Migration 1764300810000.
   */
  @Column({ name: 'conflict_fen', type: 'integer', default: 0 })
  conflictFen!: number;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
