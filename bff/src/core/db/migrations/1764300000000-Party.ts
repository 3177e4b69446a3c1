import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';
import { timestampColumns } from '../migration-helpers';
import { piiHashIndex, piiTableColumns } from '../../crypto/pii-field';

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
/** A calendar day `YYYY-MM-DD`. */
const day = (name: string, nullable = true) => text(name, 10, nullable);
const int = (name: string, nullable = true): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable });
const json = (name: string): TableColumnOptions => ({ name, type: 'text' });
const index = (name: string, columns: string[]) => new TableIndex({ name, columnNames: columns });
const actor: TableColumnOptions[] = [ref('actor_id'), text('actor_name', 64, false)];

/**
 * The party module (issue #14): the organisation tree with its terms, committee seats, lifecycle
 * events and assigned staff; member files (a standalone member's name and phone encrypted) with their
 * history; the admission pipeline with its steps.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class Party1764300000000 implements MigrationInterface {
  name = 'Party1764300000000';

  async up(q: QueryRunner): Promise<void> {
    const stamps = timestampColumns(q, true);
    const created = timestampColumns(q, false);

    await q.createTable(
      new Table({
        name: 'party_org',
        columns: [
          id,
          ref('parent_id', true),
          text('path', 255, false),
          text('type', 16, false),
          text('name', 64, false),
          { name: 'status', type: 'varchar', length: '16', default: "'active'" },
          ref('region_id', true),
          day('founded_on', false),
          { name: 'sort_order', type: 'integer', default: 0 },
          ref('current_term_id', true),
          day('term_started_on', false),
          day('closed_on'),
          ref('merged_into_id', true),
          ...stamps,
        ],
        indices: [
          index('idx_party_org_path', ['path']),
          index('idx_party_org_parent', ['parent_id']),
          index('idx_party_org_region', ['region_id']),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'party_org_term',
        columns: [id, ref('org_id'), day('started_on', false), text('note', 500), ...created],
        indices: [index('idx_party_org_term_org', ['org_id', 'started_on'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'party_org_seat',
        columns: [
          id,
          ref('term_id'),
          ref('org_id'),
          text('role', 16, false),
          ref('member_id', true),
          ref('person_id', true),
          int('seat_order', false),
        ],
        indices: [index('idx_party_org_seat_term', ['term_id']), index('idx_party_org_seat_member', ['member_id'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'party_org_event',
        columns: [
          id,
          ref('org_id'),
          text('kind', 16, false),
          day('happened_on', false),
          text('note', 500),
          ref('related_org_id', true),
          json('detail'),
          ...actor,
          ...created,
        ],
        indices: [index('idx_party_org_event_org', ['org_id', 'happened_on'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'party_org_staff',
        columns: [
          { ...ref('org_id'), isPrimary: true },
          { ...ref('staff_user_id'), isPrimary: true },
          ref('assigned_by'),
          ...created,
        ],
        indices: [index('idx_party_org_staff_user', ['staff_user_id'])],
      }),
    );

    await q.createTable(
      new Table({
        name: 'party_member',
        columns: [
          id,
          ref('person_id', true),
          ...piiTableColumns('name'),
          ...piiTableColumns('phone'),
          text('gender', 8),
          day('birth_date'),
          ref('org_id'),
          text('org_path', 255, false),
          text('category', 16, false),
          { name: 'status', type: 'varchar', length: '16', default: "'active'" },
          day('joined_on', false),
          day('converted_on'),
          text('position', 64),
          text('education', 16),
          text('work_unit', 128),
          text('flow_place', 128),
          day('flow_since'),
          text('flow_contact_org', 128),
          ref('admission_id', true),
          day('last_event_on'),
          { name: 'version', type: 'integer', default: 1 },
          ...stamps,
        ],
        indices: [
          index('idx_party_member_org_path', ['org_path', 'status']),
          index('idx_party_member_person', ['person_id']),
          piiHashIndex('idx_party_member_name_hash', 'name'),
          piiHashIndex('idx_party_member_phone_hash', 'phone'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'party_member_event',
        columns: [
          id,
          ref('member_id'),
          text('kind', 16, false),
          day('happened_on', false),
          ref('org_id'),
          ref('to_org_id', true),
          json('detail'),
          ...actor,
          ...created,
        ],
        indices: [
          index('idx_party_member_event_member', ['member_id', 'happened_on']),
          index('idx_party_member_event_org', ['org_id', 'happened_on']),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'party_admission',
        columns: [
          id,
          ref('person_id'),
          ref('org_id'),
          text('org_path', 255, false),
          text('stage', 16, false),
          day('applied_on', false),
          ...[
            'talked_on',
            'activist_on',
            'candidate_on',
            'political_review_on',
            'training_on',
            'admitted_on',
            'approved_on',
            'probation_ends_on',
          ].map((name) => day(name)),
          int('postponed_months'),
          day('converted_on'),
          day('closed_on'),
          ref('member_id', true),
          { name: 'version', type: 'integer', default: 1 },
          ...stamps,
        ],
        indices: [
          index('idx_party_admission_org_path', ['org_path', 'stage']),
          index('idx_party_admission_person', ['person_id']),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'party_admission_step',
        columns: [
          id,
          ref('admission_id'),
          text('kind', 24, false),
          day('happened_on', false),
          text('stage_after', 16, false),
          json('detail'),
          text('reason', 500),
          text('approver', 64),
          text('note', 500),
          json('attachment_ids'),
          ...actor,
          ...created,
        ],
        indices: [index('idx_party_admission_step_admission', ['admission_id', 'happened_on'])],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'party_admission_step',
      'party_admission',
      'party_member_event',
      'party_member',
      'party_org_staff',
      'party_org_event',
      'party_org_seat',
      'party_org_term',
      'party_org',
    ])
      await q.dropTable(table);
  }
}
