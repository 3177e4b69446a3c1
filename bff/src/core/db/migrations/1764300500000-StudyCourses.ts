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
const longText = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
const int = (name: string, nullable = false, dflt?: number): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable: nullable,
  default: dflt,
});
const index = (name: string, columnNames: string[], isUnique = false) =>
  new TableIndex({ name, columnNames, isUnique });

/** The party school's courses (issue #15): columns, courses, lessons and elective requests. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StudyCourses1764300500000 implements MigrationInterface {
  name = 'StudyCourses1764300500000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'study_column',
        columns: [
          ref('id', false, true),
          text('name', 40, false),
          text('description', 200),
          int('sort_order', false, 0),
          ...timestampColumns(q, true),
        ],
        indices: [index('uq_study_column_name', ['name'], true)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'study_course',
        columns: [
          ref('id', false, true),
          ref('column_id'),
          ref('org_id'),
          text('org_path', 255, false),
          text('title', 100, false),
          longText('summary', true),
          { name: 'required', ...booleanType(q), default: 0 },
          int('hours_tenths', false, 0),
          int('credits_tenths', false, 0),
          text('opens_on', 10),
          text('closes_on', 10),
          text('audience', 8, false),
          longText('audience_org_ids'),
          longText('audience_paths'),
          { name: 'needs_approval', ...booleanType(q), default: 0 },
          { ...text('status', 16, false), default: "'draft'" },
          text('published_at', 24),
          text('closed_at', 24),
          ref('actor_id'),
          ...timestampColumns(q, true),
        ],
        indices: [
          index('idx_study_course_org', ['org_path']),
          index('idx_study_course_column', ['column_id']),
          index('idx_study_course_status', ['status']),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'study_lesson',
        columns: [
          ref('id', false, true),
          ref('course_id'),
          int('sort_order', false, 0),
          text('title', 100, false),
          text('kind', 16, false),
          ref('file_id', true),
          text('video_url', 1000),
          int('duration_ms', true),
          int('min_reading_ms', true),
          longText('article_html', true),
          ...timestampColumns(q, true),
        ],
        indices: [index('idx_study_lesson_course', ['course_id', 'sort_order'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'study_enrolment',
        columns: [
          ref('id', false, true),
          ref('course_id'),
          ref('member_id'),
          text('org_path', 255, false),
          text('status', 16, false),
          text('requested_at', 24, false),
          text('decided_at', 24),
          ref('decided_by', true),
          text('reason', 200),
          ...timestampColumns(q, true),
        ],
        indices: [
          index('uq_study_enrolment_course_member', ['course_id', 'member_id'], true),
          index('idx_study_enrolment_org', ['org_path']),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('study_enrolment');
    await q.dropTable('study_lesson');
    await q.dropTable('study_course');
    await q.dropTable('study_column');
  }
}
