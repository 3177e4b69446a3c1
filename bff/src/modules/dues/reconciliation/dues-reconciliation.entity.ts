import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReconcileRunStatus } from '@zhili/shared';

/**
 * The result of reconciling one Beijing day against WeChat Pay's trade bill. A re-run replaces it (and
 * the day's differences); `failed` is a run that could not compare (the bill's hash did not match, the
 * file could not be read, WeChat Pay could not be reached): never a pass.
 */
@Entity({ name: 'dues_reconciliation' })
export class DuesReconciliation {
  /** The Beijing day, YYYY-MM-DD. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  date!: string;

  @Column({ type: 'varchar', length: 12 })
  status!: ReconcileRunStatus;

  @Column({ name: 'our_payment_count', type: 'integer', default: 0 })
  ourPaymentCount!: number;

  @Column({ name: 'their_payment_count', type: 'integer', default: 0 })
  theirPaymentCount!: number;

  @Column({ name: 'our_refund_count', type: 'integer', default: 0 })
  ourRefundCount!: number;

  @Column({ name: 'their_refund_count', type: 'integer', default: 0 })
  theirRefundCount!: number;

  @Column({ name: 'our_paid_fen', type: 'integer', default: 0 })
  ourPaidFen!: number;

  @Column({ name: 'their_paid_fen', type: 'integer', default: 0 })
  theirPaidFen!: number;

  @Column({ name: 'our_refund_fen', type: 'integer', default: 0 })
  ourRefundFen!: number;

  @Column({ name: 'their_refund_fen', type: 'integer', default: 0 })
  theirRefundFen!: number;

  @Column({ name: 'difference_count', type: 'integer', default: 0 })
  differenceCount!: number;

  /** The downloaded bill's SHA1 matched the signed answer; null when no bill was downloaded. */
  @Column({ name: 'bill_hash_ok', type: 'boolean', nullable: true })
  billHashOk!: boolean | null;

  /** Why a run failed, or that WeChat Pay had no bill for the day. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  message!: string | null;

  @Column({ name: 'bill_sha1', type: 'varchar', length: 40, nullable: true })
  billSha1!: string | null;

  /** ISO instant of the run. */
  @Column({ name: 'ran_at', type: 'varchar', length: 32 })
  ranAt!: string;

  /** Staff user who ran it; null for the daily job. */
  @Column({ name: 'ran_by', type: 'varchar', length: 36, nullable: true })
  ranBy!: string | null;
}
