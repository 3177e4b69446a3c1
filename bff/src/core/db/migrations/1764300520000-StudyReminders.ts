import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { timestampColumns } from '../migration-helpers';

/**
 * Study reminders sent to laggards of a required course (issue #15): one row per reminder, read to
 * leave a member alone for 24 hours after one and to show "last reminded" in the laggard list.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StudyReminders1764300520000 implements MigrationInterface {
  name = 'StudyReminders1764300520000';

  async up(q: QueryRunner): Promise<void> {
    const ref = (name: string, primary = false) => ({
      name,
      type: 'varchar',
      length: '36',
      isNullable: false,
      isPrimary: primary,
    });
    await q.createTable(
      new Table({
        name: 'study_reminder',
        columns: [
          ref('id', true),
          ref('member_id'),
          ref('course_id'),
          ref('actor_id'),
          // Epoch milliseconds of the send (the 24-hour rule compares instants).
          { name: 'sent_at', type: 'bigint', isNullable: false },
          ...timestampColumns(q, false),
        ],
        indices: [new TableIndex({ name: 'idx_study_reminder_member_sent', columnNames: ['member_id', 'sent_at'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('study_reminder');
  }
}
