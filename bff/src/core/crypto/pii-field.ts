import { Column, Index, TableColumn, TableIndex } from 'typeorm';
import type { PiiValue } from './pii-value';

/**
 * `@PiiColumn('phone') phone!: PiiValue` adds an encrypted, hashed field to any entity: columns
 * `phone_cipher`, `phone_key_id`, `phone_hash` (a TypeORM embedded without prefix, so the names are
 * exactly these). In the migration, add `piiTableColumns('phone')` (and `piiHashIndex(...)` when the
 * entity declares `hashIndex`). The field registers itself for `npm run pii:rekey`.
 */

export interface PiiColumnOptions {
  /** Length of the cipher column (default 255: plaintexts up to ~140 UTF-8 bytes). */
  cipherLength?: number;
  /** Name of a (non-unique) index on the hash column, e.g. `idx_mp_user_phone_hash`. */
  hashIndex?: string;
}

export const PII_KEY_ID_LENGTH = 16;
export const PII_HASH_LENGTH = 64;
const DEFAULT_CIPHER_LENGTH = 255;

export interface PiiFieldInfo {
  /** Property of the entity holding the PiiValue (e.g. `phone`). */
  property: string;
  /** Column name prefix (e.g. `phone` → `phone_cipher`). */
  column: string;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM identifies an entity by its class, typed as a bare Function
const registry = new Map<Function, PiiFieldInfo[]>();

/** The encrypted fields of an entity class (empty when it has none). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM identifies an entity by its class, typed as a bare Function
export function piiFieldsOf(entity: Function): PiiFieldInfo[] {
  return registry.get(entity) ?? [];
}

/** One embeddable class per field, so each gets its own column names and index. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM identifies an entity by its class, typed as a bare Function
function embeddable(column: string, options: PiiColumnOptions): Function {
  class PiiEmbedded implements PiiValue {
    cipher!: string | null;
    keyId!: string | null;
    hash!: string | null;
  }
  const proto = PiiEmbedded.prototype;
  Column({
    name: `${column}_cipher`,
    type: 'varchar',
    length: options.cipherLength ?? DEFAULT_CIPHER_LENGTH,
    nullable: true,
  })(proto, 'cipher');
  Column({ name: `${column}_key_id`, type: 'varchar', length: PII_KEY_ID_LENGTH, nullable: true })(proto, 'keyId');
  Column({ name: `${column}_hash`, type: 'varchar', length: PII_HASH_LENGTH, nullable: true })(proto, 'hash');
  if (options.hashIndex) Index(options.hashIndex)(proto, 'hash');
  return PiiEmbedded;
}

export function PiiColumn(column: string, options: PiiColumnOptions = {}): PropertyDecorator {
  if (!/^[a-z][a-z0-9_]*$/.test(column)) throw new Error(`PiiColumn name must be snake_case: ${column}`);
  const type = embeddable(column, options);
  return (target, propertyKey) => {
    const entity = target.constructor;
    registry.set(entity, [...piiFieldsOf(entity), { property: String(propertyKey), column }]);
    Column(() => type, { prefix: false })(target, propertyKey);
  };
}

/** The migration side of a PiiColumn: the same three columns, portable across SQLite and MySQL. */
export function piiTableColumns(column: string, options: Pick<PiiColumnOptions, 'cipherLength'> = {}): TableColumn[] {
  return [
    new TableColumn({
      name: `${column}_cipher`,
      type: 'varchar',
      length: String(options.cipherLength ?? DEFAULT_CIPHER_LENGTH),
      isNullable: true,
    }),
    new TableColumn({ name: `${column}_key_id`, type: 'varchar', length: String(PII_KEY_ID_LENGTH), isNullable: true }),
    new TableColumn({ name: `${column}_hash`, type: 'varchar', length: String(PII_HASH_LENGTH), isNullable: true }),
  ];
}

export function piiHashIndex(name: string, column: string): TableIndex {
  return new TableIndex({ name, columnNames: [`${column}_hash`] });
}
