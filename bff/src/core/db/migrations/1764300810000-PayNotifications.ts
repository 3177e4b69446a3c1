import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { varcharColumn } from '../migration-helpers';

const text = varcharColumn;

/**
 * WeChat Pay notifications (issue #16): every notification received and what became of it; and on the
 * order, the amount paid for bills that had meanwhile been paid otherwise (a refund case).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PayNotifications1764300810000 implements MigrationInterface {
  name = 'PayNotifications1764300810000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'pay_notification',
        columns: [
          text('id', 36, false, true),
          text('received_at', 32, false),
          text('source', 8, false),
          text('notification_id', 64),
          text('event_type', 40),
          text('serial', 64),
          text('outcome', 20, false),
          text('detail', 200),
          text('out_trade_no', 32),
          text('transaction_id', 32),
          { name: 'amount_fen', type: 'integer', isNullable: true },
          text('body_sha256', 64, false),
        ],
        indices: [
          new TableIndex({ name: 'idx_pay_notification_order', columnNames: ['out_trade_no', 'received_at'] }),
          new TableIndex({ name: 'idx_pay_notification_id', columnNames: ['notification_id'] }),
          new TableIndex({ name: 'idx_pay_notification_outcome', columnNames: ['outcome', 'received_at'] }),
        ],
      }),
    );
    await q.addColumn(
      'pay_order',
      new TableColumn({ name: 'conflict_fen', type: 'integer', isNullable: false, default: 0 }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('pay_order', 'conflict_fen');
    await q.dropTable('pay_notification');
  }
}
