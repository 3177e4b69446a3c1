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
const text = (name: string, length: number, nullable = true): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});

/** 文件资料柜 (issue #14): documents of a party organisation, with the scan in the file service. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PartyDocuments1764300300000 implements MigrationInterface {
  name = 'PartyDocuments1764300300000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'party_document',
        columns: [
          ref('id', false, true),
          ref('org_id'),
          text('org_path', 255, false),
          text('number', 64, false),
          text('title', 128, false),
          text('publisher', 64, false),
          text('issued_on', 10, false),
          ref('file_id', true),
          ref('actor_id'),
          ...timestampColumns(q, true),
        ],
        indices: [
          new TableIndex({ name: 'idx_party_document_org', columnNames: ['org_id', 'issued_on'] }),
          new TableIndex({ name: 'idx_party_document_path', columnNames: ['org_path'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('party_document');
  }
}
