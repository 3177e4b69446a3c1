import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';
import { timestampColumns } from '../migration-helpers';

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
const longText = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
const year: TableColumnOptions = { name: 'year', type: 'integer' };
const index = (name: string, columnNames: string[], isUnique = false) =>
  new TableIndex({ name, columnNames, isUnique });

/**
 * Party records (issue #14): honours with their workflow, annual plans and summaries, member pledges
 * with the year-end fulfilment, democratic appraisal results.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PartyRecords1764300400000 implements MigrationInterface {
  name = 'PartyRecords1764300400000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'party_honour',
        columns: [
          ref('id', false, true),
          text('kind', 8, false),
          ref('org_id'),
          text('org_path', 255, false),
          ref('member_id', true),
          text('title', 100, false),
          text('level', 16, false),
          text('awarding_body', 100, false),
          text('awarded_on', 10, false),
          text('status', 16, false),
          text('reject_reason', 500),
          longText('attachment_ids'),
          text('submitted_at', 24),
          ref('submitted_by', true),
          text('reviewed_at', 24),
          ref('reviewed_by', true),
          text('published_at', 24),
          ref('actor_id'),
          ...timestampColumns(q, true),
        ],
        indices: [index('idx_party_honour_org', ['org_path']), index('idx_party_honour_member', ['member_id'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'party_plan',
        columns: [
          ref('id', false, true),
          ref('org_id'),
          text('org_path', 255, false),
          year,
          text('kind', 8, false),
          text('title', 100, false),
          longText('body'),
          longText('attachment_ids'),
          ref('actor_id'),
          ...timestampColumns(q, true),
        ],
        indices: [
          index('idx_party_plan_org', ['org_path']),
          index('uq_party_plan_org_year_kind', ['org_id', 'year', 'kind'], true),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'party_pledge',
        columns: [
          ref('id', false, true),
          ref('member_id'),
          ref('org_id'),
          text('org_path', 255, false),
          year,
          longText('text'),
          text('fulfilment', 16),
          longText('fulfilment_note', true),
          text('assessed_on', 10),
          ref('actor_id'),
          ...timestampColumns(q, true),
        ],
        indices: [
          index('idx_party_pledge_org', ['org_path']),
          index('uq_party_pledge_member_year', ['member_id', 'year'], true),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'party_appraisal',
        columns: [
          ref('id', false, true),
          ref('member_id'),
          ref('org_id'),
          text('org_path', 255, false),
          year,
          text('result', 24, false),
          text('note', 500),
          text('published_at', 24),
          ref('actor_id'),
          ...timestampColumns(q, true),
        ],
        indices: [
          index('idx_party_appraisal_org', ['org_path']),
          index('uq_party_appraisal_member_year', ['member_id', 'year'], true),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('party_appraisal');
    await q.dropTable('party_pledge');
    await q.dropTable('party_plan');
    await q.dropTable('party_honour');
  }
}
