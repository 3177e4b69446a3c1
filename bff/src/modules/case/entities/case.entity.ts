import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { CaseOutcome, CasePriority, CaseSource, CaseStatus, EscalationLevel } from '@zhili/shared';
import { PiiValue } from '../../../core/crypto/pii-value';
import { PiiColumn } from '../../../core/crypto/pii-field';

/**
 * A case (工单): a report from a resident, the 12345 hotline, a patrol, an IoT alert or an Open311
 * client, and where it stands in the state machine of `@zhili/shared` (domain/case.ts).
 * `region_id`/`scope_path` are the grid it was assigned to by location (or the region it was
 * transferred to): the data scope staff see it through.
 */
@Entity({ name: 'case_record' })
@Index('idx_case_scope_status', ['scopePath', 'status'])
@Index('idx_case_status_due', ['status', 'dueAt'])
@Index('idx_case_reporter', ['reporterId', 'createdAt'])
@Index('idx_case_assignee', ['assigneeId', 'status'])
@Index('idx_case_created_at', ['createdAt', 'id'])
@Index('idx_case_category_loc', ['categoryCode', 'lat', 'lng'])
@Index('uq_case_record_no', ['no'], { unique: true })
@Index('uq_case_idempotency', ['reporterId', 'idempotencyKey'], { unique: true })
@Index('uq_case_external', ['externalSystem', 'externalId'], { unique: true })
export class CaseRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** Human number: yyyyMMdd + 4-digit sequence of the day (Asia/Shanghai), e.g. 202611220007. */
  @Column({ type: 'varchar', length: 20 })
  no!: string;

  @Column({ name: 'region_id', type: 'varchar', length: 36 })
  regionId!: string;

  @Column({ name: 'scope_path', type: 'varchar', length: 255 })
  scopePath!: string;

  @Column({ name: 'category_code', type: 'varchar', length: 32 })
  categoryCode!: string;

  @Column({ type: 'varchar', length: 8 })
  priority!: CasePriority;

  @Column({ type: 'varchar', length: 12 })
  source!: CaseSource;

  @Column({ type: 'varchar', length: 16 })
  status!: CaseStatus;

  /** Set when closed: fixed / not_fixed / withdrawn ('closed' is not 'fixed'). */
  @Column({ type: 'varchar', length: 12, nullable: true })
  outcome!: CaseOutcome | null;

  @Column({ type: 'varchar', length: 500 })
  description!: string;

  /**
   * The text Open311 publishes for this case, written or approved by staff; null = nothing. The
   * resident's `description` is never published (it may carry names, numbers, addresses).
   */
  @Column({ name: 'public_description', type: 'varchar', length: 500, nullable: true })
  publicDescription!: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  address!: string | null;

  /** GCJ-02. */
  @Column({ type: 'double', nullable: true })
  lng!: number | null;

  @Column({ type: 'double', nullable: true })
  lat!: number | null;

  /** `mp` = mini-program user, `staff`, `external` = hotline/Open311 caller known only by contact. */
  @Column({ name: 'reporter_kind', type: 'varchar', length: 8 })
  reporterKind!: 'mp' | 'staff' | 'external';

  /** Mini-program user id or staff id; for external reporters the connector name (never null, so the idempotency key is unique per reporter). */
  @Column({ name: 'reporter_id', type: 'varchar', length: 64 })
  reporterId!: string;

  @Column({ name: 'reporter_name', type: 'varchar', length: 64, nullable: true })
  reporterName!: string | null;

  /** Contact phone, encrypted (SM4) with its keyed hash; masked in every view. */
  @PiiColumn('contact_phone')
  contactPhone!: PiiValue;

  /** Hide the reporter from staff below town level. */
  @Column({ type: 'boolean', default: false })
  anonymous!: boolean;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 64 })
  idempotencyKey!: string;

  @Column({ name: 'photo_ids', type: 'simple-json' })
  photoIds!: string[];

  @Column({ name: 'assignee_kind', type: 'varchar', length: 8, nullable: true })
  assigneeKind!: 'mp' | 'staff' | null;

  @Column({ name: 'assignee_id', type: 'varchar', length: 36, nullable: true })
  assigneeId!: string | null;

  @Column({ name: 'assignee_name', type: 'varchar', length: 64, nullable: true })
  assigneeName!: string | null;

  /** Responsible department (from the category, or named on transfer). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  department!: string | null;

  @Column({ name: 'escalation_level', type: 'varchar', length: 8, nullable: true })
  escalationLevel!: EscalationLevel | null;

  @Column({ name: 'accept_due_at', type: 'datetime', nullable: true })
  acceptDueAt!: Date | null;

  /** Resolution deadline (working time from submission, per category and priority). */
  @Column({ name: 'due_at', type: 'datetime', nullable: true })
  dueAt!: Date | null;

  /** When the SLA watcher warns (a quarter of the SLA left). */
  @Column({ name: 'warn_at', type: 'datetime', nullable: true })
  warnAt!: Date | null;

  @Column({ name: 'warned_at', type: 'datetime', nullable: true })
  warnedAt!: Date | null;

  /** When the watcher found it overdue (and escalated it). */
  @Column({ name: 'overdue_at', type: 'datetime', nullable: true })
  overdueAt!: Date | null;

  @Column({ name: 'accepted_at', type: 'datetime', nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: 'dispatched_at', type: 'datetime', nullable: true })
  dispatchedAt!: Date | null;

  @Column({ name: 'resolved_at', type: 'datetime', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'closed_at', type: 'datetime', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'reject_reason', type: 'varchar', length: 200, nullable: true })
  rejectReason!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  resolution!: string | null;

  @Column({ type: 'integer', nullable: true })
  rating!: number | null;

  @Column({ name: 'rating_comment', type: 'varchar', length: 200, nullable: true })
  ratingComment!: string | null;

  @Column({ name: 'rated_at', type: 'datetime', nullable: true })
  ratedAt!: Date | null;

  @Column({ name: 'follower_count', type: 'integer', default: 0 })
  followerCount!: number;

  @Column({ name: 'merged_into_id', type: 'varchar', length: 36, nullable: true })
  mergedIntoId!: string | null;

  /** Outside system the case came from or was escalated to: hotline12345 | city | open311. */
  @Column({ name: 'external_system', type: 'varchar', length: 16, nullable: true })
  externalSystem!: string | null;

  @Column({ name: 'external_id', type: 'varchar', length: 64, nullable: true })
  externalId!: string | null;

  /** Subscribe-message template ids the reporter accepted (one send each, WeChat's one-time quota). */
  @Column({ name: 'subscribed_templates', type: 'simple-json' })
  subscribedTemplates!: string[];

  @Column({ name: 'event_count', type: 'integer', default: 0 })
  eventCount!: number;

  @VersionColumn({ type: 'integer' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
