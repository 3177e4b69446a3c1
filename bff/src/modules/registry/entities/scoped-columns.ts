import { Column, CreateDateColumn, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Columns every scoped registry record has: its id, the most specific region it belongs to (usually a
 * grid) and that region's materialized path, which is its data scope (see core/scope/data-scope.ts).
 * When a region moves, its records' scope_path is rewritten in the same transaction.
 */
export abstract class ScopedRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'region_id', type: 'varchar', length: 36 })
  regionId!: string;

  @Column({ name: 'scope_path', type: 'varchar', length: 255 })
  scopePath!: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}

/** Index on scope_path under the table's own name (index names are global on SQLite). */
export const ScopeIndex = (table: string) => Index(`idx_${table}_scope_path`, ['scopePath']);
