import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { PrincipalKind } from './principal';

/**
 * One refresh token. Only its SHA-256 is stored. Each refresh rotates the token inside a family;
 * presenting a rotated token again means it leaked, and the whole family is revoked.
 */
@Entity({ name: 'auth_session' })
@Index('idx_auth_session_subject', ['subjectKind', 'subjectId'])
@Index('idx_auth_session_family', ['familyId'])
export class AuthSession {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'subject_kind', type: 'varchar', length: 8 })
  subjectKind!: PrincipalKind;

  @Column({ name: 'subject_id', type: 'varchar', length: 36 })
  subjectId!: string;

  @Column({ name: 'family_id', type: 'varchar', length: 36 })
  familyId!: string;

  @Index('uq_auth_session_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'expires_at', type: 'datetime' })
  expiresAt!: Date;

  @Column({ name: 'rotated_at', type: 'datetime', nullable: true })
  rotatedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'datetime', nullable: true })
  revokedAt!: Date | null;

  /** When this refresh token was issued (each use rotates it): drives the staff idle timeout. */
  @Column({ name: 'last_used_at', type: 'datetime', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 255, nullable: true })
  userAgent!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
