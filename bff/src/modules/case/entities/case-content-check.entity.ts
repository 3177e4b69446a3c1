import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * One asynchronous image check (WeChat `media_check_async` v2) of a case photo. The case leaves
 * `pending_review` when every check of it has passed; a `risky` one rejects it, `review` holds it
 * for staff.
 */
@Entity({ name: 'case_content_check' })
@Index('uq_case_content_check_trace', ['traceId'], { unique: true })
@Index('idx_case_content_check_case', ['caseId'])
export class CaseContentCheck {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'case_id', type: 'varchar', length: 36 })
  caseId!: string;

  @Column({ name: 'file_id', type: 'varchar', length: 36 })
  fileId!: string;

  /** WeChat's trace_id, the key of the callback. */
  @Column({ name: 'trace_id', type: 'varchar', length: 64 })
  traceId!: string;

  @Column({ type: 'varchar', length: 8 })
  status!: 'pending' | 'pass' | 'review' | 'risky';

  @Column({ type: 'varchar', length: 16, nullable: true })
  label!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
