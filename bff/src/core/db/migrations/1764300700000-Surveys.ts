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
const text = (name: string, length: number, nullable = true, primary = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
  isPrimary: primary,
});
const longText = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
const int = (name: string, nullable = false, dflt?: number): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable: nullable,
  ...(dflt === undefined ? {} : { default: dflt }),
});
const index = (name: string, columnNames: string[]) => new TableIndex({ name, columnNames });

/**
 * Surveys of members and residents' consultations (问卷 / 议事协商) with the one-response rule, and
 * democratic appraisal of members (民主评议) with secret ballots (issue #15).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class Surveys1764300700000 implements MigrationInterface {
  name = 'Surveys1764300700000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'survey',
        columns: [
          ref('id', false, true),
          text('audience', 16, false),
          ref('org_id', true),
          text('org_path', 255),
          ref('region_id', true),
          text('region_path', 255),
          text('title', 100, false),
          longText('description', true),
          { name: 'anonymous', ...booleanType(q), default: 0 },
          text('opens_on', 10, false),
          text('closes_on', 10, false),
          text('status', 16, false),
          longText('questions'),
          int('response_count', false, 0),
          text('published_at', 24),
          text('closed_at', 24),
          ref('actor_id'),
          ...timestampColumns(q, true),
        ],
        indices: [index('idx_survey_org_path', ['org_path']), index('idx_survey_region_path', ['region_path'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'survey_respondent',
        columns: [ref('survey_id', false, true), text('respondent_key', 48, false, true)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'survey_response',
        columns: [
          ref('id', false, true),
          ref('survey_id'),
          ref('member_id', true),
          ref('mp_user_id', true),
          longText('answers'),
          text('submitted_on', 10, false),
        ],
        indices: [index('idx_survey_response_survey', ['survey_id'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'appraisal_round',
        columns: [
          ref('id', false, true),
          ref('org_id'),
          text('org_path', 255, false),
          text('region_path', 255),
          text('title', 100, false),
          text('period', 32, false),
          text('opens_on', 10, false),
          text('closes_on', 10, false),
          text('status', 16, false),
          text('closed_at', 24),
          ref('actor_id'),
          ...timestampColumns(q, true),
        ],
        indices: [index('idx_appraisal_round_org_path', ['org_path'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'appraisal_subject',
        columns: [ref('round_id', false, true), ref('member_id', false, true), int('score_tenths', true)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'appraisal_ballot',
        columns: [
          ref('round_id', false, true),
          ref('member_id', false, true),
          text('voter_key', 48, false, true),
          text('voter_group', 16, false),
        ],
        indices: [index('idx_appraisal_ballot_round', ['round_id', 'voter_group'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'appraisal_vote',
        columns: [
          ref('id', false, true),
          ref('round_id'),
          ref('member_id'),
          text('voter_group', 16, false),
          text('grade', 16, false),
          int('score'),
        ],
        indices: [index('idx_appraisal_vote_round', ['round_id', 'member_id'])],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'appraisal_vote',
      'appraisal_ballot',
      'appraisal_subject',
      'appraisal_round',
      'survey_response',
      'survey_respondent',
      'survey',
    ])
      await q.dropTable(table);
  }
}
