import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Permission, Role } from '@zhili/shared';

export type StaffStatus = 'active' | 'disabled';

/** An account of the admin portal (town, village/community and grid staff). */
@Entity({ name: 'staff_user' })
export class StaffUser {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index('uq_staff_user_username', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  username!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 32 })
  displayName!: string;

  /** `scrypt$N$r$p$salt$hash` (see password.ts); never the password itself. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'simple-json' })
  roles!: Role[];

  /** Permissions granted beyond the roles (audited when changed). */
  @Column({ type: 'simple-json', nullable: true })
  grants!: Permission[] | null;

  /** The region this account is bound to: its data scope. Null = no scoped data at all. */
  @Column({ name: 'region_id', type: 'varchar', length: 36, nullable: true })
  regionId!: string | null;

  /** Materialized path of that region (copied so scope checks need no join). */
  @Column({ name: 'scope_path', type: 'varchar', length: 255, nullable: true })
  scopePath!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: StaffStatus;

  /** Set for seeded, newly created and reset accounts: the password must be changed before anything else. */
  @Column({ name: 'must_change_password', type: 'boolean', default: true })
  mustChangePassword!: boolean;

  /** When the password was last set by its owner; null = never since creation (counts from created_at). */
  @Column({ name: 'password_changed_at', type: 'datetime', nullable: true })
  passwordChangedAt!: Date | null;

  /**
   * TOTP secret, AES-256-GCM encrypted (mfa-crypto.ts). Not selected by default, so no listing or
   * view of accounts can carry it by accident; the MFA service asks for it explicitly.
   */
  @Column({ name: 'mfa_secret', type: 'varchar', length: 255, nullable: true, select: false })
  mfaSecret?: string | null;

  /** Set when TOTP enrolment was confirmed; null = MFA not enabled. */
  @Column({ name: 'mfa_enabled_at', type: 'datetime', nullable: true })
  mfaEnabledAt!: Date | null;

  @Column({ name: 'last_login_at', type: 'datetime', nullable: true })
  lastLoginAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
