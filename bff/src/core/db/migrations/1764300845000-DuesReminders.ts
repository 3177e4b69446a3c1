import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { timestampColumns } from '../migration-helpers';

/** Party dues (issue #16): the reminders sent to members in arrears (7-day rule, "last reminded"). */
@Provide()
@Scope(ScopeEnum.Singleton)
export class DuesReminders1764300845000 implements MigrationInterface {
  name = 'DuesReminders1764300845000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'dues_reminder',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'member_id', type: 'varchar', length: '36', isNullable: false },
          { name: 'sent_at', type: 'varchar', length: '32', isNullable: false },
          { name: 'sent_by_kind', type: 'varchar', length: '8', isNullable: false },
          { name: 'sent_by', type: 'varchar', length: '36', isNullable: true },
          { name: 'streak', type: 'integer', isNullable: false },
          { name: 'outstanding_fen', type: 'integer', isNullable: false },
          ...timestampColumns(q, false),
        ],
        indices: [new TableIndex({ name: 'idx_dues_reminder_member_sent', columnNames: ['member_id', 'sent_at'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('dues_reminder');
  }
}
