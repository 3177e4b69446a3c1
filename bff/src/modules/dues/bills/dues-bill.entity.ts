import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * One amount a member owes: the monthly dues of a month (`monthly`, one per member and month — the
 * unique key makes generating twice harmless), special dues (`special`, 特殊党费) or a voluntary extra
 * (`voluntary`). Paid once: by WeChat Pay (`wechat`, with the order), in cash to the branch (`cash`)
 * or by someone on the member's behalf (`proxy`, 代缴), always with who recorded it and when.
 */
@Entity({ name: 'dues_bill' })
@Index('uq_dues_bill_member_period', ['memberId', 'kind', 'period'], { unique: true })
@Index('idx_dues_bill_org_month', ['orgPath', 'month'])
@Index('idx_dues_bill_member_status', ['memberId', 'status'])
export class DuesBill {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId!: string;

  /** The member's organisation when the bill was made (reports group by it). */
  @Column({ name: 'org_id', type: 'varchar', length: 36 })
  orgId!: string;

  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath!: string;

  /** `monthly` | `special` | `voluntary`. */
  @Column({ type: 'varchar', length: 16 })
  kind!: string;

  /** The month the bill belongs to (`2026-12`); reports and arrears read it. */
  @Column({ type: 'varchar', length: 7 })
  month!: string;

  /**
   * What makes the bill unique for its member and kind: the month for `monthly`, the bill's own id for
   * special and voluntary bills (a member may have several in a month).
   */
  @Column({ type: 'varchar', length: 36 })
  period!: string;

  @Column({ name: 'amount_fen', type: 'integer' })
  amountFen!: number;

  /** The declaration the monthly amount came from (null for special and voluntary bills). */
  @Column({ name: 'declaration_id', type: 'varchar', length: 36, nullable: true })
  declarationId!: string | null;

  /** For special dues: what they are for (e.g. 抗洪救灾特殊党费). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  title!: string | null;

  /** `unpaid` | `paid` | `waived` (减免, with a reason) | `refunded`. */
  @Column({ type: 'varchar', length: 12, default: 'unpaid' })
  status!: string;

  /** The day the bill is due (the month's last day for monthly dues); "paid on time" compares with it. */
  @Column({ name: 'due_on', type: 'varchar', length: 10 })
  dueOn!: string;

  /** `wechat` | `cash` | `proxy`, set when paid. */
  @Column({ name: 'paid_via', type: 'varchar', length: 8, nullable: true })
  paidVia!: string | null;

  /** ISO time the payment happened (WeChat's success_time, or when the cash was received). */
  @Column({ name: 'paid_at', type: 'varchar', length: 32, nullable: true })
  paidAt!: string | null;

  /** The WeChat Pay order (out_trade_no) that paid it. */
  @Column({ name: 'paid_order_no', type: 'varchar', length: 32, nullable: true })
  paidOrderNo!: string | null;

  /** Staff user who recorded a cash or proxy payment or a waiver; who paid on behalf, in their words. */
  @Column({ name: 'recorded_by', type: 'varchar', length: 36, nullable: true })
  recordedBy!: string | null;

  @Column({ name: 'paid_note', type: 'varchar', length: 200, nullable: true })
  paidNote!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
