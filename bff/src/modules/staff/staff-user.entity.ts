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

  /** Set for seeded and newly created accounts; enforced by the password policy of #3. */
  @Column({ name: 'must_change_password', type: 'boolean', default: true })
  mustChangePassword!: boolean;

  @Column({ name: 'last_login_at', type: 'datetime', nullable: true })
  lastLoginAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
