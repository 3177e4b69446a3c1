import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { isMysql, timestampColumns } from '../migration-helpers';

/**
 * The region tree (data scope), staff binding to a region with extra permission grants, and the
 * append-only, hash-chained audit log (triggers refuse UPDATE and DELETE on both databases).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class RegionsScopeAudit1763790000000 implements MigrationInterface {
  name = 'RegionsScopeAudit1763790000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'region',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'code', type: 'varchar', length: '12', isNullable: true },
          { name: 'name', type: 'varchar', length: '64' },
          { name: 'level', type: 'varchar', length: '16' },
          { name: 'parent_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'path', type: 'varchar', length: '255' },
          ...timestampColumns(q, true),
        ],
      }),
    );
    await q.createIndex('region', new TableIndex({ name: 'idx_region_path', columnNames: ['path'] }));

    await q.addColumns('staff_user', [
      new TableColumn({ name: 'grants', type: 'text', isNullable: true }),
      new TableColumn({ name: 'region_id', type: 'varchar', length: '36', isNullable: true }),
      new TableColumn({ name: 'scope_path', type: 'varchar', length: '255', isNullable: true }),
    ]);

    await q.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'at', type: 'varchar', length: '24' },
          { name: 'actor_kind', type: 'varchar', length: '8', isNullable: true },
          { name: 'actor_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'actor_name', type: 'varchar', length: '64', isNullable: true },
          { name: 'actor_roles', type: 'varchar', length: '255', isNullable: true },
          { name: 'ip', type: 'varchar', length: '64', isNullable: true },
          { name: 'user_agent', type: 'varchar', length: '255', isNullable: true },
          { name: 'action', type: 'varchar', length: '64' },
          { name: 'resource_type', type: 'varchar', length: '32', isNullable: true },
          { name: 'resource_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'result', type: 'varchar', length: '8' },
          { name: 'detail', type: 'text', isNullable: true },
          { name: 'prev_hash', type: 'varchar', length: '64' },
          { name: 'hash', type: 'varchar', length: '64' },
        ],
      }),
    );
    await q.createIndex('audit_log', new TableIndex({ name: 'idx_audit_log_at', columnNames: ['at'] }));
    await q.createIndex('audit_log', new TableIndex({ name: 'idx_audit_log_actor', columnNames: ['actor_id'] }));
    await q.createIndex(
      'audit_log',
      new TableIndex({ name: 'idx_audit_log_resource', columnNames: ['resource_type', 'resource_id'] }),
    );
    for (const op of ['UPDATE', 'DELETE']) {
      const name = `audit_log_no_${op.toLowerCase()}`;
      if (isMysql(q)) {
        await q.query(
          `CREATE TRIGGER ${name} BEFORE ${op} ON audit_log FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only'`,
        );
      } else {
        await q.query(
          `CREATE TRIGGER ${name} BEFORE ${op} ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
        );
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of ['audit_log_no_update', 'audit_log_no_delete']) await q.query(`DROP TRIGGER IF EXISTS ${name}`);
    await q.dropTable('audit_log');
    await q.dropColumns('staff_user', ['grants', 'region_id', 'scope_path']);
    await q.dropTable('region');
  }
}
