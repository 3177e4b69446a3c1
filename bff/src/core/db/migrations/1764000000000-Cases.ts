import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';
import { defaultCaseCategories } from '@zhili/shared';
import { booleanType, timestampColumns } from '../migration-helpers';
import { piiTableColumns } from '../../crypto/pii-field';

const id: TableColumnOptions = { name: 'id', type: 'varchar', length: '36', isPrimary: true };
const ref = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable: nullable,
});
const text = (name: string, length: number, nullable = true): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const time = (name: string, nullable = true): TableColumnOptions => ({ name, type: 'datetime', isNullable: nullable });
const int = (name: string, nullable = true): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable });
const json = (name: string): TableColumnOptions => ({ name, type: 'text' });
const index = (name: string, columns: string[], isUnique = false) =>
  new TableIndex({ name, columnNames: columns, isUnique });

/**
 * 2026 public holidays and 调休 working days (State Council schedule). Later years are maintained in
 * the admin (工单配置 → 节假日), since they are announced each November.
 */
const holidays2026: [string, 'holiday' | 'workday', string][] = [
  ...['01-01', '01-02', '01-03'].map((d) => [`2026-${d}`, 'holiday', '元旦'] as [string, 'holiday', string]),
  ['2026-01-04', 'workday', '元旦调休'],
  ...['02-15', '02-16', '02-17', '02-18', '02-19', '02-20', '02-21', '02-22', '02-23'].map(
    (d) => [`2026-${d}`, 'holiday', '春节'] as [string, 'holiday', string],
  ),
  ['2026-02-14', 'workday', '春节调休'],
  ['2026-02-28', 'workday', '春节调休'],
  ...['04-04', '04-05', '04-06'].map((d) => [`2026-${d}`, 'holiday', '清明节'] as [string, 'holiday', string]),
  ...['05-01', '05-02', '05-03', '05-04', '05-05'].map(
    (d) => [`2026-${d}`, 'holiday', '劳动节'] as [string, 'holiday', string],
  ),
  ['2026-05-09', 'workday', '劳动节调休'],
  ...['06-19', '06-20', '06-21'].map((d) => [`2026-${d}`, 'holiday', '端午节'] as [string, 'holiday', string]),
  ...['09-25', '09-26', '09-27'].map((d) => [`2026-${d}`, 'holiday', '中秋节'] as [string, 'holiday', string]),
  ...['10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07'].map(
    (d) => [`2026-${d}`, 'holiday', '国庆节'] as [string, 'holiday', string],
  ),
  ['2026-09-20', 'workday', '国庆节调休'],
  ['2026-10-10', 'workday', '国庆节调休'],
];

/**
 * Cases (#5): the case record with its timeline, followers, content checks and saved inbox views;
 * the category list and holiday calendar behind SLAs; the outbox; government connector cursors;
 * Open311 api keys.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class Cases1764000000000 implements MigrationInterface {
  name = 'Cases1764000000000';

  async up(q: QueryRunner): Promise<void> {
    const bool = booleanType(q);
    const stamps = timestampColumns(q, true);
    await q.createTable(
      new Table({
        name: 'case_record',
        columns: [
          id,
          text('no', 20, false),
          ref('region_id'),
          { name: 'scope_path', type: 'varchar', length: '255' },
          text('category_code', 32, false),
          text('priority', 8, false),
          text('source', 12, false),
          text('status', 16, false),
          text('outcome', 12),
          text('description', 500, false),
          text('address', 128),
          { name: 'lng', type: 'double', isNullable: true },
          { name: 'lat', type: 'double', isNullable: true },
          text('reporter_kind', 8, false),
          text('reporter_id', 64, false),
          text('reporter_name', 64),
          ...piiTableColumns('contact_phone'),
          { name: 'anonymous', ...bool, default: 0 },
          text('idempotency_key', 64, false),
          json('photo_ids'),
          text('assignee_kind', 8),
          ref('assignee_id', true),
          text('assignee_name', 64),
          text('department', 64),
          text('escalation_level', 8),
          time('accept_due_at'),
          time('due_at'),
          time('warn_at'),
          time('warned_at'),
          time('overdue_at'),
          time('accepted_at'),
          time('dispatched_at'),
          time('resolved_at'),
          time('closed_at'),
          text('reject_reason', 200),
          text('resolution', 500),
          int('rating'),
          text('rating_comment', 200),
          time('rated_at'),
          { name: 'follower_count', type: 'integer', default: 0 },
          ref('merged_into_id', true),
          text('external_system', 16),
          text('external_id', 64),
          json('subscribed_templates'),
          { name: 'event_count', type: 'integer', default: 0 },
          { name: 'version', type: 'integer' },
          ...stamps,
        ],
        indices: [
          index('idx_case_scope_status', ['scope_path', 'status']),
          index('idx_case_status_due', ['status', 'due_at']),
          index('idx_case_reporter', ['reporter_id', 'created_at']),
          index('idx_case_assignee', ['assignee_id', 'status']),
          index('idx_case_created_at', ['created_at', 'id']),
          index('idx_case_category_loc', ['category_code', 'lat', 'lng']),
          index('uq_case_record_no', ['no'], true),
          index('uq_case_idempotency', ['reporter_id', 'idempotency_key'], true),
          index('uq_case_external', ['external_system', 'external_id'], true),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'case_event',
        columns: [
          id,
          ref('case_id'),
          int('seq', false),
          text('type', 16, false),
          text('from_status', 16),
          text('to_status', 16),
          text('actor_kind', 8, false),
          text('actor_id', 64),
          text('actor_name', 64, false),
          text('note', 500),
          json('photo_ids'),
          json('data'),
          ...timestampColumns(q, false),
        ],
        indices: [index('uq_case_event_seq', ['case_id', 'seq'], true)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'case_follower',
        columns: [
          { name: 'case_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36', isPrimary: true },
          ...timestampColumns(q, false),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'case_category',
        columns: [
          { name: 'code', type: 'varchar', length: '32', isPrimary: true },
          text('name', 32, false),
          text('icon', 32, false),
          text('description', 200),
          text('department', 64),
          int('sla_hours', false),
          int('accept_hours', false),
          { name: 'active', ...bool, default: 1 },
          { name: 'sort_order', type: 'integer', default: 0 },
          ...stamps,
        ],
      }),
    );
    for (const [i, c] of defaultCaseCategories.entries()) {
      await q.query(
        'INSERT INTO case_category (code, name, icon, department, sla_hours, accept_hours, active, sort_order) VALUES (?, ?, ?, ?, ?, ?, 1, ?)',
        [c.code, c.name, c.icon, c.department, c.slaHours, c.acceptHours, i * 10],
      );
    }
    await q.createTable(
      new Table({
        name: 'holiday',
        columns: [
          { name: 'date', type: 'varchar', length: '10', isPrimary: true },
          text('kind', 8, false),
          text('name', 32, false),
        ],
      }),
    );
    for (const [date, kind, name] of holidays2026) {
      await q.query('INSERT INTO holiday (date, kind, name) VALUES (?, ?, ?)', [date, kind, name]);
    }
    await q.createTable(
      new Table({
        name: 'case_content_check',
        columns: [
          id,
          ref('case_id'),
          ref('file_id'),
          text('trace_id', 64, false),
          text('status', 8, false),
          text('label', 16),
          ...stamps,
        ],
        indices: [
          index('uq_case_content_check_trace', ['trace_id'], true),
          index('idx_case_content_check_case', ['case_id']),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'case_no_counter',
        columns: [{ ...text('day', 8, false), isPrimary: true }, int('seq', false)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'case_saved_view',
        columns: [id, ref('staff_id'), text('name', 32, false), json('filters'), ...timestampColumns(q, false)],
        indices: [index('idx_case_saved_view_staff', ['staff_id'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'outbox_message',
        columns: [
          id,
          text('topic', 48, false),
          text('dedupe_key', 160, false),
          { name: 'payload', type: 'text' },
          text('status', 12, false),
          { name: 'attempts', type: 'integer', default: 0 },
          time('next_attempt_at', false),
          time('locked_until'),
          text('locked_by', 64),
          text('last_error', 500),
          time('delivered_at'),
          ...stamps,
        ],
        indices: [
          index('uq_outbox_dedupe', ['dedupe_key'], true),
          index('idx_outbox_due', ['status', 'next_attempt_at']),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'gov_sync_state',
        columns: [
          { name: 'connector', type: 'varchar', length: '32', isPrimary: true },
          text('cursor', 128),
          time('last_success_at'),
          text('last_error', 500),
          ...timestampColumns(q, true).slice(1),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'open311_key',
        columns: [
          id,
          text('name', 64, false),
          text('key_hash', 64, false),
          text('prefix', 8, false),
          { name: 'scope_path', type: 'varchar', length: '255' },
          ref('created_by'),
          ...timestampColumns(q, false),
          time('last_used_at'),
          time('revoked_at'),
        ],
        indices: [index('uq_open311_key_hash', ['key_hash'], true)],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'open311_key',
      'gov_sync_state',
      'outbox_message',
      'case_saved_view',
      'case_no_counter',
      'case_content_check',
      'holiday',
      'case_category',
      'case_follower',
      'case_event',
      'case_record',
    ]) {
      await q.dropTable(table);
    }
  }
}
