import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { booleanType, integerColumn, namedIndex, timestampColumns, varcharColumn } from '../migration-helpers';

const text = varcharColumn;
const int = integerColumn;
const index = namedIndex;

/** Party dues (issue #16): refunds of WeChat Pay orders and the daily reconciliation with its differences. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class DuesRefunds1764300820000 implements MigrationInterface {
  name = 'DuesRefunds1764300820000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'dues_refund',
        columns: [
          text('id', 36, false, true),
          text('out_refund_no', 64, false),
          text('out_trade_no', 32, false),
          int('amount_fen'),
          text('reason', 80, false),
          { ...text('status', 12, false), default: "'PROCESSING'" },
          text('refund_id', 32),
          text('success_time', 32),
          text('requested_by', 36, false),
          ...timestampColumns(q, true),
        ],
        indices: [
          index('uq_dues_refund_out_refund_no', ['out_refund_no'], true),
          index('idx_dues_refund_order', ['out_trade_no']),
          index('idx_dues_refund_status', ['status', 'created_at']),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'dues_reconciliation',
        columns: [
          text('date', 10, false, true),
          text('status', 12, false),
          int('our_payment_count', false, 0),
          int('their_payment_count', false, 0),
          int('our_refund_count', false, 0),
          int('their_refund_count', false, 0),
          int('our_paid_fen', false, 0),
          int('their_paid_fen', false, 0),
          int('our_refund_fen', false, 0),
          int('their_refund_fen', false, 0),
          int('difference_count', false, 0),
          { name: 'bill_hash_ok', ...booleanType(q), isNullable: true },
          text('message', 300),
          text('bill_sha1', 40),
          text('ran_at', 32, false),
          text('ran_by', 36),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'dues_reconciliation_diff',
        columns: [
          text('id', 36, false, true),
          text('date', 10, false),
          text('kind', 24, false),
          text('out_trade_no', 32, false),
          text('out_refund_no', 64),
          int('our_fen', true),
          int('their_fen', true),
          text('note', 300, false),
          text('resolved_by', 36),
          text('resolved_at', 32),
          text('resolution', 200),
        ],
        indices: [index('idx_dues_reconciliation_diff_date', ['date'])],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('dues_reconciliation_diff');
    await q.dropTable('dues_reconciliation');
    await q.dropTable('dues_refund');
  }
}
