import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';
import { timestampColumns } from '../migration-helpers';

const ref = (name: string, primary = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isPrimary: primary,
});
const text = (name: string, length: number, nullable = true): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const double = (name: string): TableColumnOptions => ({ name, type: 'double', isNullable: true });

/**
 * 三会一课 (issue #14): meetings of a branch with their invitees and attendance, and the link of a
 * member file to the member's mini-program account (check-in knows the member by it).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PartyMeetings1764300100000 implements MigrationInterface {
  name = 'PartyMeetings1764300100000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'party_meeting',
        columns: [
          ref('id', true),
          ref('org_id'),
          text('org_path', 255, false),
          text('type', 16, false),
          text('starts_at', 24, false),
          text('ends_at', 24, false),
          text('held_on', 10, false),
          text('place', 128, false),
          double('lng'),
          double('lat'),
          { name: 'radius_m', type: 'integer', isNullable: true },
          text('host', 32, false),
          text('topic', 128, false),
          { name: 'minutes', type: 'text', isNullable: true },
          ref('actor_id'),
          ...timestampColumns(q, true),
        ],
        indices: [new TableIndex({ name: 'idx_party_meeting_org', columnNames: ['org_path', 'starts_at'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'party_meeting_attendee',
        columns: [
          ref('meeting_id', true),
          ref('member_id', true),
          { name: 'status', type: 'varchar', length: '16', default: "'absent'" },
          text('checked_in_at', 24),
          text('method', 16),
          text('leave_reason', 200),
        ],
        indices: [new TableIndex({ name: 'idx_party_meeting_attendee_member', columnNames: ['member_id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'party_member_account',
        columns: [ref('member_id', true), ref('mp_user_id')],
        indices: [
          new TableIndex({ name: 'idx_party_member_account_user', columnNames: ['mp_user_id'], isUnique: true }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('party_member_account');
    await q.dropTable('party_meeting_attendee');
    await q.dropTable('party_meeting');
  }
}
