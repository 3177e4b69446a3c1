import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { booleanType } from '../migration-helpers';

/**
 * What Open311 may publish of a case (issue #11, item 7). `case_category.is_public` says whether a
 * category's cases go out with position and text; the seeded categories about public space are public
 * (the list is written out here, not read from shared, so this migration means the same forever):
 * road, streetlight, garbage, sewage, greenery, parking. Others (违章搭建, 噪声扰民, 邻里纠纷, 安全隐患,
 * 其他问题) and every category created later start non-public. `case_record.public_description` is the
 * staff-reviewed text Open311 shows instead of the resident's own words.
 */
const PUBLIC_SEEDED_CODES = ['road', 'streetlight', 'garbage', 'sewage', 'greenery', 'parking'];

@Provide()
@Scope(ScopeEnum.Singleton)
export class CasePublication1764100200000 implements MigrationInterface {
  name = 'CasePublication1764100200000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'case_category',
      new TableColumn({ name: 'is_public', ...booleanType(q), isNullable: false, default: 0 }),
    );
    await q.query(
      `UPDATE case_category SET is_public = 1 WHERE code IN (${PUBLIC_SEEDED_CODES.map(() => '?').join(', ')})`,
      PUBLIC_SEEDED_CODES,
    );
    await q.addColumn(
      'case_record',
      new TableColumn({ name: 'public_description', type: 'varchar', length: '500', isNullable: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('case_record', 'public_description');
    await q.dropColumn('case_category', 'is_public');
  }
}
