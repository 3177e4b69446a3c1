import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '@zhili/shared';

/** A person who signed in to the mini-program with WeChat; identified by the app-scoped openid. */
@Entity({ name: 'mp_user' })
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

  @Column({ name: 'last_login_at', type: 'datetime', nullable: true })
  lastLoginAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
