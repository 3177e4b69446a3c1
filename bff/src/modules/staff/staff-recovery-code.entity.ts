import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A single-use MFA recovery code. Only a keyed hash is stored (the codes are random, so a fast HMAC
 * is enough; see mfa-crypto.ts); `used_at` is set by a conditional update, so a code wins once.
 */
@Entity({ name: 'staff_recovery_code' })
@Index('idx_staff_recovery_code_staff', ['staffId', 'codeHash'])
export class StaffRecoveryCode {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'staff_id', type: 'varchar', length: 36 })
  staffId!: string;

  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash!: string;

  @Column({ name: 'used_at', type: 'datetime', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
