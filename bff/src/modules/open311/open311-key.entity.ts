import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An Open311 `api_key` issued in the admin to an outside client. Only a keyed hash is stored; the key
 * is shown once. Requests posted with it are filed under the issuing staff member's region scope.
 */
@Entity({ name: 'open311_key' })
@Index('uq_open311_key_hash', ['keyHash'], { unique: true })
export class Open311Key {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ name: 'key_hash', type: 'varchar', length: 64 })
  keyHash!: string;

  @Column({ type: 'varchar', length: 8 })
  prefix!: string;

  @Column({ name: 'scope_path', type: 'varchar', length: 255 })
  scopePath!: string;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'last_used_at', type: 'datetime', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'datetime', nullable: true })
  revokedAt!: Date | null;
}
