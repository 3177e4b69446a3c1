import { QueryRunner, TableIndex } from 'typeorm';
import type { TableColumnOptions } from 'typeorm';

/** Portable building blocks for migrations: the same schema on SQLite and MySQL/MariaDB. */

export const isMysql = (q: QueryRunner) =>
  q.connection.driver.options.type === 'mysql' || q.connection.driver.options.type === 'mariadb';

/**
 * `created_at` / `updated_at` exactly as TypeORM defines @CreateDateColumn / @UpdateDateColumn on each
 * driver (MySQL: datetime(6), CURRENT_TIMESTAMP(6), ON UPDATE; SQLite: datetime('now')), so the
 * schema matches the entities (bff/test/migrations.test.ts checks it on both).
 */
export function timestampColumns(q: QueryRunner, withUpdatedAt: boolean): TableColumnOptions[] {
  const mysql = isMysql(q);
  const now = mysql ? 'CURRENT_TIMESTAMP(6)' : "datetime('now')";
  const precision = mysql ? 6 : undefined;
  const created: TableColumnOptions = { name: 'created_at', type: 'datetime', precision, default: now };
  if (!withUpdatedAt) return [created];
  return [
    created,
    { name: 'updated_at', type: 'datetime', precision, default: now, onUpdate: mysql ? now : undefined },
  ];
}

/**
 * A boolean column as TypeORM maps `type: 'boolean'` on each driver: plain `tinyint` on MySQL (`boolean`
 * would become tinyint(1), whose display width MariaDB reports back as a difference). Defaults are
 * written as 1/0: SQLite would keep a literal `true`, which TypeORM reads back as a different default.
 */
export function booleanType(q: QueryRunner): Pick<TableColumnOptions, 'type'> {
  return { type: isMysql(q) ? 'tinyint' : 'boolean' };
}

/** Unique keys as named indexes: the same object on SQLite and MySQL (see the entities' @Index). */
export const unique = (table: string, column: string) =>
  new TableIndex({ name: `uq_${table}_${column}`, columnNames: [column], isUnique: true });

/** A varchar column (nullable unless said otherwise), for migrations' column lists. */
export function varcharColumn(name: string, length: number, nullable = true, primary = false): TableColumnOptions {
  return { name, type: 'varchar', length: String(length), isNullable: nullable, isPrimary: primary };
}

/** An integer column (NOT NULL unless said otherwise), with an optional default. */
export function integerColumn(name: string, nullable = false, dflt?: number): TableColumnOptions {
  return { name, type: 'integer', isNullable: nullable, ...(dflt === undefined ? {} : { default: dflt }) };
}

/** A named index (unique when asked), the same object on SQLite and MySQL. */
export const namedIndex = (name: string, columnNames: string[], isUnique = false) =>
  new TableIndex({ name, columnNames, isUnique });
