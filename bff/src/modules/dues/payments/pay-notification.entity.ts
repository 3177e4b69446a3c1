import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * What became of one WeChat Pay notification (every one is recorded, refused ones too), and of each
 * query that found a payment:
 * - `applied`: the order was paid by it (bills marked paid);
 * - `duplicate`: the order was already paid (a retry, a replay, a copy sent twice);
 * - `bills_conflict`: applied, but some bills had meanwhile been paid otherwise (cash, 代缴): a refund case;
 * - refused before anything changed: `bad_signature` (missing or wrong signature, unknown serial, WeChat's
 *   SIGNTEST probes), `stale` (timestamp outside the window), `malformed` (not a notification, or not
 *   decryptable with our APIv3 key), `merchant_mismatch` (another mchid or appid), `unknown_order`,
 *   `amount_mismatch` (never marked paid), `not_success` (a trade state other than SUCCESS);
 * - `failed`: our side broke (database, lock) and WeChat Pay was asked to retry.
 * Personal data of the payer (openid) is not kept: the order already names the member.
 */
export type PayNotificationOutcome =
  | 'applied'
  | 'duplicate'
  | 'bills_conflict'
  | 'bad_signature'
  | 'stale'
  | 'malformed'
  | 'merchant_mismatch'
  | 'unknown_order'
  | 'amount_mismatch'
  | 'not_success'
  | 'failed';

@Entity({ name: 'pay_notification' })
@Index('idx_pay_notification_order', ['outTradeNo', 'receivedAt'])
@Index('idx_pay_notification_id', ['notificationId'])
@Index('idx_pay_notification_outcome', ['outcome', 'receivedAt'])
export class PayNotification {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** ISO instant the BFF received it. */
  @Column({ name: 'received_at', type: 'varchar', length: 32 })
  receivedAt!: string;

  /** `notify` (WeChat Pay's notification) or `query` (our query found the payment: return page, jobs). */
  @Column({ type: 'varchar', length: 8 })
  source!: 'notify' | 'query';

  /** The envelope's `id` (stays the same across WeChat Pay's retries); null when it could not be read. */
  @Column({ name: 'notification_id', type: 'varchar', length: 64, nullable: true })
  notificationId!: string | null;

  @Column({ name: 'event_type', type: 'varchar', length: 40, nullable: true })
  eventType!: string | null;

  /** Wechatpay-Serial header: which platform key or certificate signed it (as sent, verified or not). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  serial!: string | null;

  @Column({ type: 'varchar', length: 20 })
  outcome!: PayNotificationOutcome;

  /** Why, in a few words (the refusal reason, the amounts that differ). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  detail!: string | null;

  @Column({ name: 'out_trade_no', type: 'varchar', length: 32, nullable: true })
  outTradeNo!: string | null;

  @Column({ name: 'transaction_id', type: 'varchar', length: 32, nullable: true })
  transactionId!: string | null;

  /** amount.total the notification claims, in fen. */
  @Column({ name: 'amount_fen', type: 'integer', nullable: true })
  amountFen!: number | null;

  /** sha256 (hex) of the raw body: ties the record to the bytes received without keeping them. */
  @Column({ name: 'body_sha256', type: 'varchar', length: 64 })
  bodySha256!: string;
}
