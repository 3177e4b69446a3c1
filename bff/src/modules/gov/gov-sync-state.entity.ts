import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Where a government connector's scheduled pull left off (one row per connector). */
@Entity({ name: 'gov_sync_state' })
export class GovSyncState {
  /** Connector name, e.g. `hotline12345`. */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  connector!: string;

  /** Opaque cursor from the platform (e.g. last updated-at + order number). */
  @Column({ type: 'varchar', length: 128, nullable: true })
  cursor!: string | null;

  @Column({ name: 'last_success_at', type: 'datetime', nullable: true })
  lastSuccessAt!: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
