import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { timestampColumns } from '../migration-helpers';

const id = { name: 'id', type: 'varchar', length: '36', isPrimary: true };
const staffId = { name: 'staff_id', type: 'varchar', length: '36' };

/**
 * Staff identity policy (#3): password age and history, TOTP (encrypted secret + hashed single-use
 * recovery codes), and the last use of a refresh token for the idle timeout. New columns are
 * nullable so existing rows need no backfill (a null password_changed_at counts from created_at).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StaffSecurity1763800000000 implements MigrationInterface {
  name = 'StaffSecurity1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('staff_user', [
      new TableColumn({ name: 'password_changed_at', type: 'datetime', isNullable: true }),
      new TableColumn({ name: 'mfa_secret', type: 'varchar', length: '255', isNullable: true }),
      new TableColumn({ name: 'mfa_enabled_at', type: 'datetime', isNullable: true }),
    ]);
    await q.addColumn('auth_session', new TableColumn({ name: 'last_used_at', type: 'datetime', isNullable: true }));

    await q.createTable(
      new Table({
        name: 'staff_password_history',
        columns: [
          id,
          staffId,
          { name: 'password_hash', type: 'varchar', length: '255' },
          ...timestampColumns(q, false),
        ],
      }),
    );
    await q.createIndex(
      'staff_password_history',
      new TableIndex({ name: 'idx_staff_password_history_staff', columnNames: ['staff_id'] }),
    );

    await q.createTable(
      new Table({
        name: 'staff_recovery_code',
        columns: [
          id,
          staffId,
          { name: 'code_hash', type: 'varchar', length: '64' },
          { name: 'used_at', type: 'datetime', isNullable: true },
          ...timestampColumns(q, false),
        ],
      }),
    );
    await q.createIndex(
      'staff_recovery_code',
      new TableIndex({ name: 'idx_staff_recovery_code_staff', columnNames: ['staff_id', 'code_hash'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('staff_recovery_code');
    await q.dropTable('staff_password_history');
    await q.dropColumn('auth_session', 'last_used_at');
    await q.dropColumns('staff_user', ['password_changed_at', 'mfa_secret', 'mfa_enabled_at']);
  }
}
