import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** Withdrawing a published 党务公开 (issue #14): members stop seeing it, the record and its receipts stay. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PartyNoticeWithdrawal1764300210000 implements MigrationInterface {
  name = 'PartyNoticeWithdrawal1764300210000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'party_notice',
      new TableColumn({ name: 'withdrawn_at', type: 'varchar', length: '24', isNullable: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('party_notice', 'withdrawn_at');
  }
}
