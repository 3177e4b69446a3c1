import { isAbsolute, resolve } from 'path';
import { mkdirSync } from 'fs';
import { dirname } from 'path';
import type { DataSourceOptions } from 'typeorm';
import { repoRoot } from './env';
import { entities, migrations } from '../modules';
import { QueryTimeoutSubscriber } from '../core/db/query-timeout.subscriber';

export type DatabaseKind = 'sqlite' | 'mysql';

/**
 * What `DATABASE_URL` selects: `sqlite:<path>` (relative to the repo root), `mysql://…`, or
 * `mariadb://…` — the same mysql2 driver, but TypeORM must know it is MariaDB to read column
 * defaults right (it misreads MariaDB's NULL defaults as MySQL's and sees phantom schema changes).
 */
export function databaseKind(databaseUrl: string): DatabaseKind {
  return /^(mysql|mariadb):\/\//.test(databaseUrl) ? 'mysql' : 'sqlite';
}

export interface DatabaseTuning {
  /**
   * Client-side limit per query on MySQL/MariaDB (ms). A hung or unreachable server then fails the
   * request fast (mysql2 destroys the connection; the API answers 503) instead of holding it and a
   * pool connection forever. Unset = no limit (the CLIs' bulk work).
   */
  queryTimeoutMs?: number;
}

/** Turns `DATABASE_URL` into TypeORM options. Migrations only: never `synchronize`. */
export function dataSourceOptions(databaseUrl: string, tuning: DatabaseTuning = {}): DataSourceOptions {
  const common = { entities, migrations, migrationsRun: true, synchronize: false, logging: false } as const;
  if (databaseKind(databaseUrl) === 'mysql') {
    return {
      ...common,
      type: databaseUrl.startsWith('mariadb://') ? 'mariadb' : 'mysql',
      url: databaseUrl,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      connectTimeout: 5000,
      ...(tuning.queryTimeoutMs
        ? {
            enableQueryTimeout: true,
            maxQueryExecutionTime: tuning.queryTimeoutMs,
            subscribers: [QueryTimeoutSubscriber],
          }
        : {}),
      extra: { connectionLimit: 10 },
    };
  }
  const rawPath = databaseUrl.slice('sqlite:'.length);
  const database = rawPath === ':memory:' ? rawPath : isAbsolute(rawPath) ? rawPath : resolve(repoRoot, rawPath);
  if (database !== ':memory:') mkdirSync(dirname(database), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database,
    // WAL lets the health check and request handlers read while a write is in flight.
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    },
  };
}
