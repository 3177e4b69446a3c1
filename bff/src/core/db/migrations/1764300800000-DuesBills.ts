import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { piiTableColumns } from '../../crypto/pii-field';
import { integerColumn, namedIndex, timestampColumns, varcharColumn } from '../migration-helpers';

const ref = (name: string, nullable = false, primary = false) => varcharColumn(name, 36, nullable, primary);
const text = varcharColumn;
const int = integerColumn;
const index = namedIndex;

/** Party dues (issue #16): yearly declarations of the dues base, bills, and WeChat Pay orders. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class DuesBills1764300800000 implements MigrationInterface {
  name = 'DuesBills1764300800000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'dues_declaration',
        columns: [
          ref('id', false, true),
          ref('member_id'),
          text('org_path', 255, false),
          int('year'),
          text('kind', 16, false),
          ...piiTableColumns('income'),
          int('farmer_fen', true),
          int('monthly_fen'),
          text('declared_by_kind', 8, false),
          ref('declared_by'),
          text('note', 200),
          int('version', false, 1),
          ...timestampColumns(q, true),
        ],
        indices: [
          index('uq_dues_declaration_member_year', ['member_id', 'year'], true),
          index('idx_dues_declaration_org_path', ['org_path']),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'dues_bill',
        columns: [
          ref('id', false, true),
          ref('member_id'),
          ref('org_id'),
          text('org_path', 255, false),
          text('kind', 16, false),
          text('month', 7, false),
          text('period', 36, false),
          int('amount_fen'),
          ref('declaration_id', true),
          text('title', 100),
          { ...text('status', 12, false), default: "'unpaid'" },
          text('due_on', 10, false),
          text('paid_via', 8),
          text('paid_at', 32),
          text('paid_order_no', 32),
          ref('recorded_by', true),
          text('paid_note', 200),
          int('version', false, 1),
          ...timestampColumns(q, true),
        ],
        indices: [
          index('uq_dues_bill_member_period', ['member_id', 'kind', 'period'], true),
          index('idx_dues_bill_org_month', ['org_path', 'month']),
          index('idx_dues_bill_member_status', ['member_id', 'status']),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'pay_order',
        columns: [
          text('out_trade_no', 32, false, true),
          ref('member_id'),
          text('org_path', 255, false),
          ref('mp_user_id'),
          { name: 'bill_ids', type: 'text', isNullable: false },
          int('amount_fen'),
          text('description', 127, false),
          { ...text('status', 12, false), default: "'created'" },
          text('prepay_id', 64),
          text('transaction_id', 32),
          text('paid_at', 32),
          text('expires_at', 32, false),
          int('refunded_fen', false, 0),
          int('version', false, 1),
          ...timestampColumns(q, true),
        ],
        indices: [
          index('idx_pay_order_member', ['member_id', 'created_at']),
          index('idx_pay_order_status_expires', ['status', 'expires_at']),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('pay_order');
    await q.dropTable('dues_bill');
    await q.dropTable('dues_declaration');
  }
}
