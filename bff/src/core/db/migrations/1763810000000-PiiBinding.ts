import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { timestampColumns, unique } from '../migration-helpers';
import { piiHashIndex, piiTableColumns } from '../../crypto/pii-field';

/**
 * Encrypted phone numbers and the region (data scope) of mini-program users; one-time binding codes
 * that make a resident a grid worker or party member of a region.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PiiBinding1763810000000 implements MigrationInterface {
  name = 'PiiBinding1763810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('mp_user', [
      ...piiTableColumns('phone'),
      new TableColumn({ name: 'region_id', type: 'varchar', length: '36', isNullable: true }),
      new TableColumn({ name: 'scope_path', type: 'varchar', length: '255', isNullable: true }),
    ]);
    await q.createIndex('mp_user', piiHashIndex('idx_mp_user_phone_hash', 'phone'));
    await q.createIndex('mp_user', new TableIndex({ name: 'idx_mp_user_scope_path', columnNames: ['scope_path'] }));

    await q.createTable(
      new Table({
        name: 'binding_code',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'code_hash', type: 'varchar', length: '64' },
          { name: 'role', type: 'varchar', length: '32' },
          { name: 'region_id', type: 'varchar', length: '36' },
          { name: 'scope_path', type: 'varchar', length: '255' },
          { name: 'note', type: 'varchar', length: '100', isNullable: true },
          { name: 'issued_by', type: 'varchar', length: '36' },
          { name: 'expires_at', type: 'datetime' },
          { name: 'redeemed_by', type: 'varchar', length: '36', isNullable: true },
          { name: 'redeemed_at', type: 'datetime', isNullable: true },
          ...timestampColumns(q, false),
        ],
        indices: [unique('binding_code', 'code_hash')],
      }),
    );
    await q.createIndex(
      'binding_code',
      new TableIndex({ name: 'idx_binding_code_scope_path', columnNames: ['scope_path'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('binding_code');
    await q.dropIndex('mp_user', 'idx_mp_user_scope_path');
    await q.dropIndex('mp_user', 'idx_mp_user_phone_hash');
    await q.dropColumns('mp_user', ['phone_cipher', 'phone_key_id', 'phone_hash', 'region_id', 'scope_path']);
  }
}
