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
const int = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable });
const index = (name: string, columnNames: string[], isUnique = false) =>
  new TableIndex({ name, columnNames, isUnique });

/**
 * The party school's exams (issue #15): the question bank, exams, members' attempts graded by the
 * server, and the wrong-answer book.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class Exams1764300600000 implements MigrationInterface {
  name = 'Exams1764300600000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'exam_question',
        columns: [
          ref('id', false, true),
          ref('org_id'),
          text('org_path', 255, false),
          text('category', 20, false),
          text('difficulty', 8, false),
          text('type', 12, false),
          text('stem', 500, false),
          longText('options'),
          longText('answer_key'),
          text('explanation', 1000),
          text('deleted_at', 24),
          ref('actor_id'),
          ...timestampColumns(q, true),
        ],
        indices: [index('idx_exam_question_org', ['org_path']), index('idx_exam_question_category', ['category'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'exam',
        columns: [
          ref('id', false, true),
          ref('org_id'),
          text('org_path', 255, false),
          text('title', 60, false),
          text('description', 500),
          text('paper_kind', 8, false),
          longText('question_ids'),
          longText('sections'),
          int('points_each'),
          int('pass_mark'),
          int('time_limit_minutes'),
          int('attempts_allowed', true),
          text('opens_at', 24, false),
          text('closes_at', 24),
          text('audience_kind', 8, false),
          longText('audience_org_ids'),
          longText('audience_paths'),
          text('published_at', 24),
          ref('actor_id'),
          ...timestampColumns(q, true),
        ],
        indices: [index('idx_exam_org', ['org_path'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'exam_attempt',
        columns: [
          ref('id', false, true),
          ref('exam_id'),
          ref('member_id'),
          text('org_path', 255, false),
          int('attempt_no'),
          ref('seed'),
          longText('paper'),
          longText('responses'),
          text('started_at', 24, false),
          text('deadline', 24, false),
          text('ended_at', 24),
          text('ended_by', 12),
          int('score', true),
          int('max_score'),
          { name: 'passed', ...booleanType(q), default: 0 },
          longText('graded', true),
          ...timestampColumns(q, true),
        ],
        indices: [
          index('idx_exam_attempt_exam', ['exam_id', 'member_id']),
          index('idx_exam_attempt_member', ['member_id']),
          index('uq_exam_attempt_no', ['exam_id', 'member_id', 'attempt_no'], true),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'exam_wrong_answer',
        columns: [
          ref('id', false, true),
          ref('member_id'),
          ref('question_id'),
          int('wrong_count'),
          int('right_streak'),
          text('last_wrong_at', 24, false),
        ],
        indices: [index('uq_exam_wrong_answer', ['member_id', 'question_id'], true)],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['exam_wrong_answer', 'exam_attempt', 'exam', 'exam_question']) await q.dropTable(table);
  }
}
