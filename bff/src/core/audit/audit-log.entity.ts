import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AuditResult = 'success' | 'failure' | 'denied';

/**
 * One audit record. Append-only: the application has no update or delete path, database triggers
 * refuse both, and each record carries the SM3 hash of its content chained to the previous record's
 * hash, so any later edit is detectable (`npm run audit:verify`).
 */
@Entity({ name: 'audit_log' })
@Index('idx_audit_log_at', ['at'])
@Index('idx_audit_log_actor', ['actorId'])
@Index('idx_audit_log_resource', ['resourceType', 'resourceId'])
export class AuditLog {
  /** Monotonic sequence: the chain order. */
  @PrimaryGeneratedColumn({ type: 'integer' })
  seq!: number;

  /** When it happened, ISO 8601 UTC with milliseconds (a string, so the hashed text never changes). */
  @Column({ type: 'varchar', length: 24 })
  at!: string;

  @Column({ name: 'actor_kind', type: 'varchar', length: 8, nullable: true })
  actorKind!: string | null;

  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId!: string | null;

  /** Username or masked identity at the time (accounts can be renamed later). */
  @Column({ name: 'actor_name', type: 'varchar', length: 64, nullable: true })
  actorName!: string | null;

  /** Comma-separated roles at the time. */
  @Column({ name: 'actor_roles', type: 'varchar', length: 255, nullable: true })
  actorRoles!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 255, nullable: true })
  userAgent!: string | null;

  /** Dotted action name, e.g. `auth.login`, `user.create`, `pii.read`. */
  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ name: 'resource_type', type: 'varchar', length: 32, nullable: true })
  resourceType!: string | null;

  @Column({ name: 'resource_id', type: 'varchar', length: 64, nullable: true })
  resourceId!: string | null;

  @Column({ type: 'varchar', length: 8 })
  result!: AuditResult;

  /** JSON summary of changed fields (no secrets, PII masked). */
  @Column({ type: 'text', nullable: true })
  detail!: string | null;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash!: string;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}
