import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Hashes of the passwords a staff account has had (newest kept: `passwordPolicy.historySize`), so a
 * change can refuse reusing one of them. Same scrypt format as staff_user.password_hash.
 */
@Entity({ name: 'staff_password_history' })
@Index('idx_staff_password_history_staff', ['staffId'])
export class StaffPasswordHistory {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'staff_id', type: 'varchar', length: 36 })
  staffId!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
