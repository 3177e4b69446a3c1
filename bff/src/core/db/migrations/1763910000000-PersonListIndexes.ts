import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Person lists count "active persons in a subtree" on every page; with (scope_path, status) that
 * count is an index-only range scan instead of a read of every row (measured on the full demo town,
 * 56k persons on MariaDB: 145 → 39 ms). The composite index also serves every scope_path prefix
 * query, so the single-column one goes. Indexes on the list's sort keys birth_date and created_at
 * let a town-wide page sorted by them walk an index instead of sorting every row (MariaDB: 780 → 9 ms).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PersonListIndexes1763910000000 implements MigrationInterface {
  name = 'PersonListIndexes1763910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex(
      'person',
      new TableIndex({ name: 'idx_person_scope_status', columnNames: ['scope_path', 'status'] }),
    );
    await q.dropIndex('person', 'idx_person_scope_path');
    await q.createIndex('person', new TableIndex({ name: 'idx_person_birth_date', columnNames: ['birth_date'] }));
    await q.createIndex('person', new TableIndex({ name: 'idx_person_created_at', columnNames: ['created_at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('person', 'idx_person_created_at');
    await q.dropIndex('person', 'idx_person_birth_date');
    await q.createIndex('person', new TableIndex({ name: 'idx_person_scope_path', columnNames: ['scope_path'] }));
    await q.dropIndex('person', 'idx_person_scope_status');
  }
}
