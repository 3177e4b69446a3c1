import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { BindingRole } from '@zhili/shared';

/** Roles a binding code can confer, and the rules per role: `bindingRoleRules` in @zhili/shared. */
export { bindingRoles } from '@zhili/shared';
export type { BindingRole } from '@zhili/shared';

export type BindingStatus = 'pending' | 'redeemed' | 'expired';

/**
 * A one-time code, issued by staff, that makes the resident who redeems it a grid worker of a grid
 * or a party member of a region (the grant is per role: see MpGrantService). Only a keyed hash of the code is stored: a database dump does not reveal
 * usable codes, and without PII_HMAC_KEY the 40-bit codes cannot be brute-forced offline.
 */
@Entity({ name: 'binding_code' })
@Index('idx_binding_code_scope_path', ['scopePath'])
export class BindingCode {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index('uq_binding_code_code_hash', { unique: true })
  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash!: string;

  @Column({ type: 'varchar', length: 32 })
  role!: BindingRole;

  @Column({ name: 'region_id', type: 'varchar', length: 36 })
  regionId!: string;

  /** Path of the region at issue time: the scope the code is listed and audited under. */
  @Column({ name: 'scope_path', type: 'varchar', length: 255 })
  scopePath!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  note!: string | null;

  /** Staff user id of the issuer. */
  @Column({ name: 'issued_by', type: 'varchar', length: 36 })
  issuedBy!: string;

  @Column({ name: 'expires_at', type: 'datetime' })
  expiresAt!: Date;

  /** Mini-program user id of the redeemer; set together with redeemedAt, exactly once. */
  @Column({ name: 'redeemed_by', type: 'varchar', length: 36, nullable: true })
  redeemedBy!: string | null;

  @Column({ name: 'redeemed_at', type: 'datetime', nullable: true })
  redeemedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
