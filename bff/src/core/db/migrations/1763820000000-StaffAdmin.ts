import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { timestampColumns } from '../migration-helpers';
import { piiHashIndex, piiTableColumns } from '../../crypto/pii-field';

/** Staff contact data (encrypted phone) for account administration. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StaffAdmin1763820000000 implements MigrationInterface {
  name = 'StaffAdmin1763820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'staff_contact',
        columns: [
          { name: 'staff_id', type: 'varchar', length: '36', isPrimary: true },
          ...piiTableColumns('phone'),
          ...timestampColumns(q, true),
        ],
      }),
    );
    await q.createIndex('staff_contact', piiHashIndex('idx_staff_contact_phone_hash', 'phone'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('staff_contact');
  }
}
