import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { MigrationInterface, QueryRunner, Table, TableColumn, TableColumnOptions, TableIndex } from 'typeorm';
import { booleanType, timestampColumns, unique } from '../migration-helpers';
import { defaultPersonTags } from '@zhili/shared';
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
const double = (name: string): TableColumnOptions => ({ name, type: 'double', isNullable: true });
const scopePath: TableColumnOptions = { name: 'scope_path', type: 'varchar', length: '255' };
const index = (_table: string, name: string, columns: string[]) => new TableIndex({ name, columnNames: columns });
/** id, region_id, scope_path: the columns of ScopedRecord. */
const scoped: TableColumnOptions[] = [id, ref('region_id'), scopePath];
const scopeIndex = (table: string) => index(table, `idx_${table}_scope_path`, ['scope_path']);

/**
 * The registry (#4): region boundaries and centres; estates, buildings, units and houses; persons
 * (ID number and phone encrypted) with their house relations, households, tags and visits;
 * businesses; stored files (visit photos).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class Registry1763900000000 implements MigrationInterface {
  name = 'Registry1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('region', [
      new TableColumn({ name: 'boundary', type: 'text', isNullable: true }),
      new TableColumn({ name: 'center_lng', type: 'double', isNullable: true }),
      new TableColumn({ name: 'center_lat', type: 'double', isNullable: true }),
    ]);
    const stamps = timestampColumns(q, true);

    await q.createTable(
      new Table({
        name: 'estate',
        columns: [...scoped, text('name', 64, false), text('address', 128), double('lng'), double('lat'), ...stamps],
        indices: [scopeIndex('estate')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'building',
        columns: [
          ...scoped,
          ref('estate_id'),
          text('name', 32, false),
          { name: 'floors', type: 'integer', isNullable: true },
          double('lng'),
          double('lat'),
          ...stamps,
        ],
        indices: [scopeIndex('building'), index('building', 'idx_building_estate', ['estate_id'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'building_unit',
        columns: [...scoped, ref('building_id'), text('name', 32, false), ...stamps],
        indices: [scopeIndex('building_unit'), index('building_unit', 'idx_building_unit_building', ['building_id'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'house',
        columns: [
          ...scoped,
          ref('estate_id', true),
          ref('building_id', true),
          ref('unit_id', true),
          text('address', 128, false),
          text('room_no', 16),
          text('house_use', 16, false),
          double('area_m2'),
          double('lng'),
          double('lat'),
          ...stamps,
        ],
        indices: [
          scopeIndex('house'),
          index('house', 'idx_house_building', ['building_id']),
          index('house', 'idx_house_unit', ['unit_id']),
          index('house', 'idx_house_estate', ['estate_id']),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'person',
        columns: [
          ...scoped,
          text('name', 32, false),
          text('gender', 8, false),
          text('birth_date', 10),
          ...piiTableColumns('id_number'),
          ...piiTableColumns('phone'),
          text('hukou_type', 16, false),
          text('hukou_address', 128),
          text('address', 128),
          text('origin', 64),
          text('arrival_date', 10),
          text('permit_status', 16),
          text('permit_expiry', 10),
          ref('household_id', true),
          text('relation_to_head', 16),
          { name: 'status', type: 'varchar', length: '16', default: "'active'" },
          text('note', 500),
          { name: 'last_visited_at', type: 'datetime', isNullable: true },
          ...stamps,
        ],
        indices: [
          scopeIndex('person'),
          index('person', 'idx_person_name', ['name']),
          index('person', 'idx_person_household', ['household_id']),
          piiHashIndex('idx_person_id_number_hash', 'id_number'),
          piiHashIndex('idx_person_phone_hash', 'phone'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'person_house',
        columns: [
          id,
          ref('person_id'),
          ref('house_id'),
          text('relation', 16, false),
          text('since', 10),
          scopePath,
          ...timestampColumns(q, false),
        ],
        indices: [
          index('person_house', 'idx_person_house_person', ['person_id']),
          index('person_house', 'idx_person_house_house', ['house_id']),
          new TableIndex({ name: 'uq_person_house_pair', columnNames: ['person_id', 'house_id'], isUnique: true }),
          index('person_house', 'idx_person_house_scope_path', ['scope_path']),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'household',
        columns: [
          ...scoped,
          text('code', 32),
          text('household_type', 16, false),
          ref('head_person_id', true),
          ref('house_id', true),
          text('address', 128),
          text('land_note', 500),
          ...stamps,
        ],
        indices: [
          scopeIndex('household'),
          index('household', 'idx_household_type', ['household_type']),
          unique('household', 'code'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'tag_definition',
        columns: [
          { name: 'code', type: 'varchar', length: '32', isPrimary: true },
          text('name', 16, false),
          { name: 'visit_interval_days', type: 'integer', isNullable: true },
          text('color', 9, false),
          { name: 'sort_order', type: 'integer', default: 0 },
          { name: 'builtin', ...booleanType(q), default: 0 },
          { name: 'active', ...booleanType(q), default: 1 },
          ...timestampColumns(q, false),
        ],
      }),
    );
    // The managed tag list starts with the common care groups; staff edit it in the admin.
    for (const [i, tag] of defaultPersonTags.entries()) {
      await q.query(
        'INSERT INTO tag_definition (code, name, visit_interval_days, color, sort_order, builtin, active) VALUES (?, ?, ?, ?, ?, 1, 1)',
        [tag.code, tag.name, tag.visitIntervalDays, tag.color, i * 10],
      );
    }
    await q.createTable(
      new Table({
        name: 'person_tag',
        columns: [
          { name: 'person_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tag_code', type: 'varchar', length: '32', isPrimary: true },
          scopePath,
          { name: 'tagged_at', type: 'datetime' },
        ],
        indices: [index('person_tag', 'idx_person_tag_tag_scope', ['tag_code', 'scope_path'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'visit',
        columns: [
          id,
          ref('person_id'),
          ref('household_id', true),
          scopePath,
          text('visitor_kind', 8, false),
          ref('visitor_id'),
          text('visitor_name', 64, false),
          { name: 'visited_at', type: 'datetime' },
          text('note', 500, false),
          { name: 'photo_ids', type: 'text' },
          ...timestampColumns(q, false),
        ],
        indices: [
          index('visit', 'idx_visit_person', ['person_id', 'visited_at']),
          index('visit', 'idx_visit_scope_path', ['scope_path']),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'business',
        columns: [
          ...scoped,
          text('name', 64, false),
          text('credit_code', 18, false),
          text('legal_representative', 32),
          ...piiTableColumns('contact_phone'),
          text('address', 128),
          text('business_type', 16, false),
          text('status', 16, false),
          double('lng'),
          double('lat'),
          ...stamps,
        ],
        indices: [scopeIndex('business'), unique('business', 'credit_code')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'stored_file',
        columns: [
          id,
          text('owner_kind', 8, false),
          ref('owner_id'),
          text('mime', 32, false),
          { name: 'size_bytes', type: 'integer' },
          text('sha256', 64, false),
          text('storage_key', 128, false),
          { name: 'scope_path', type: 'varchar', length: '255', isNullable: true },
          ...timestampColumns(q, false),
        ],
        indices: [index('stored_file', 'idx_stored_file_owner', ['owner_kind', 'owner_id'])],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'stored_file',
      'business',
      'visit',
      'person_tag',
      'tag_definition',
      'household',
      'person_house',
      'person',
      'house',
      'building_unit',
      'building',
      'estate',
    ]) {
      await q.dropTable(table);
    }
    await q.dropColumns('region', ['boundary', 'center_lng', 'center_lat']);
  }
}
