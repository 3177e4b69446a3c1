import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';
import { booleanType, timestampColumns } from '../migration-helpers';

const ref = (name: string, nullable = false, primary = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable: nullable,
  isPrimary: primary,
});
const text = (name: string, length: number, nullable = true): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});

/** 党务公开 (issue #14): notices of the committee or a branch, and members' read receipts. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PartyNotices1764300110000 implements MigrationInterface {
  name = 'PartyNotices1764300110000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'party_notice',
        columns: [
          ref('id', false, true),
          ref('org_id'),
          text('org_path', 255, false),
          text('audience', 16, false),
          ref('target_org_id', true),
          text('target_path', 255),
          text('title', 100, false),
          { name: 'body', type: 'text' },
          { name: 'pinned', ...booleanType(q), default: 0 },
          text('published_at', 24),
          ref('actor_id'),
          ...timestampColumns(q, true),
        ],
        indices: [new TableIndex({ name: 'idx_party_notice_org', columnNames: ['org_path'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'party_notice_read',
        columns: [ref('notice_id', false, true), ref('member_id', false, true), text('read_at', 24, false)],
        indices: [new TableIndex({ name: 'idx_party_notice_read_member', columnNames: ['member_id'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('party_notice_read');
    await q.dropTable('party_notice');
  }
}
