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
const text = (name: string, length: number, nullable = false, primary = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
  isPrimary: primary,
});
const int = (name: string, withDefault = true, nullable = false): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable: nullable,
  default: withDefault ? 0 : undefined,
});
/** Epoch milliseconds (server instants of the heartbeat rules). */
const instant = (name: string, nullable = true): TableColumnOptions => ({ name, type: 'bigint', isNullable: nullable });
const index = (name: string, columnNames: string[], isUnique = false) =>
  new TableIndex({ name, columnNames, isUnique });

/**
 * Study progress and points of the online party school (issue #15): per member × lesson progress from
 * heartbeats, the member's study session, study time per Beijing day, the points ledger and its rules.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StudyProgress1764300510000 implements MigrationInterface {
  name = 'StudyProgress1764300510000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'study_lesson_progress',
        columns: [
          ref('id', false, true),
          ref('member_id'),
          ref('lesson_id'),
          ref('course_id'),
          int('credited_ms'),
          int('furthest_ms'),
          int('position'),
          int('last_seq'),
          instant('last_heartbeat_at'),
          instant('completed_at'),
          ...timestampColumns(q, true),
        ],
        indices: [
          index('uq_study_lesson_progress_member_lesson', ['member_id', 'lesson_id'], true),
          index('idx_study_lesson_progress_lesson', ['lesson_id']),
          index('idx_study_lesson_progress_course', ['course_id']),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'study_session',
        columns: [ref('member_id', false, true), ref('lesson_id', true), instant('last_at'), instant('credited_until')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'study_day_total',
        columns: [ref('member_id', false, true), text('day', 10, false, true), int('ms')],
        indices: [index('idx_study_day_total_day', ['day'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'study_points_entry',
        columns: [
          ref('id', false, true),
          ref('member_id'),
          text('kind', 24),
          text('source_id', 64),
          int('points', false),
          text('reason', 100),
          instant('at', false),
          text('day', 10),
          ...timestampColumns(q, false),
        ],
        indices: [
          index('uq_study_points_entry_source', ['member_id', 'kind', 'source_id'], true),
          index('idx_study_points_entry_day', ['day']),
          index('idx_study_points_entry_member_day', ['member_id', 'day']),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'study_points_rule',
        columns: [
          text('kind', 24, false, true),
          int('points', false),
          int('daily_cap', false, true),
          ref('actor_id'),
          ...timestampColumns(q, true).filter((c) => c.name === 'updated_at'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'study_points_rule',
      'study_points_entry',
      'study_day_total',
      'study_session',
      'study_lesson_progress',
    ]) {
      await q.dropTable(table);
    }
  }
}
