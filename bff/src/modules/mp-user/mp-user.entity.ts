import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '@zhili/shared';
import { PiiColumn } from '../../core/crypto/pii-field';
import type { PiiValue } from '../../core/crypto/pii-value';

/** A person who signed in to the mini-program with WeChat; identified by the app-scoped openid. */
@Entity({ name: 'mp_user' })
@Index('idx_mp_user_scope_path', ['scopePath'])
export class MpUser {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index('uq_mp_user_openid', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  openid!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid!: string | null;

  @Column({ type: 'varchar', length: 32 })
  nickname!: string;

  @Column({ name: 'avatar_url', type: 'varchar', length: 512, nullable: true })
  avatarUrl!: string | null;

  /** Granted by staff action only (binding codes, #3); everyone starts as a resident. */
  @Column({ type: 'simple-json' })
  roles!: Role[];

  /** Mainland mobile from WeChat's getPhoneNumber, encrypted; masked in every API answer. */
  @PiiColumn('phone', { hashIndex: 'idx_mp_user_phone_hash' })
  phone!: PiiValue;

  /**
   * The grid of the person's grid worker grant and its materialized path: their registry scope in the
   * mini-program and where case routing finds them. Written only together with that grant (see
   * MpGrantService); a grant without registry scope (party member) keeps its region on its own
   * mp_role_grant row and never touches these. Staff see the person if this path or any grant's
   * path lies in their scope.
   */
  @Column({ name: 'region_id', type: 'varchar', length: 36, nullable: true })
  regionId!: string | null;

  @Column({ name: 'scope_path', type: 'varchar', length: 255, nullable: true })
  scopePath!: string | null;

  @Column({ name: 'last_login_at', type: 'datetime', nullable: true })
  lastLoginAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
