import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One dues reminder sent to a member in arrears (a subscribe message through the outbox): by a
 * secretary from the arrears list or by the monthly job. The 7-day rule and "last reminded" read it.
 */
@Entity({ name: 'dues_reminder' })
@Index('idx_dues_reminder_member_sent', ['memberId', 'sentAt'])
export class DuesReminder {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId!: string;

  /** ISO instant it was sent. */
  @Column({ name: 'sent_at', type: 'varchar', length: 32 })
  sentAt!: string;

  /** `staff` (from the arrears list) or `job` (the monthly reminder). */
  @Column({ name: 'sent_by_kind', type: 'varchar', length: 8 })
  sentByKind!: string;

  /** Staff user who sent it; null for the job. */
  @Column({ name: 'sent_by', type: 'varchar', length: 36, nullable: true })
  sentBy!: string | null;

  /** Unpaid months in a row when it was sent. */
  @Column({ type: 'integer' })
  streak!: number;

  @Column({ name: 'outstanding_fen', type: 'integer' })
  outstandingFen!: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
