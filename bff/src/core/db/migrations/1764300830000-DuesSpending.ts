import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { timestampColumns, varcharColumn } from '../migration-helpers';

/** Columns here are NOT NULL unless said otherwise. */
const text = (name: string, length: number, nullable = false) => varcharColumn(name, length, nullable);

/** Party dues spending (党费支出, issue #16): what each organisation spent its dues on. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class DuesSpending1764300830000 implements MigrationInterface {
  name = 'DuesSpending1764300830000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'dues_spending',
        columns: [
          { ...text('id', 36), isPrimary: true },
          text('org_id', 36),
          text('org_path', 255),
          text('spent_on', 10),
          { name: 'amount_fen', type: 'integer', isNullable: false },
          text('purpose', 200),
          text('category', 16),
          text('approver_name', 32),
          text('approved_on', 10),
          { name: 'attachments', type: 'text', isNullable: false },
          text('recorded_by', 36),
          text('note', 500, true),
          ...timestampColumns(q, true),
          { name: 'version', type: 'integer', isNullable: false },
        ],
        indices: [new TableIndex({ name: 'idx_dues_spending_org_spent', columnNames: ['org_path', 'spent_on'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('dues_spending');
  }
}
