import type { DataSource } from 'typeorm';
import { needsPrefixRange } from '../../../core/scope/data-scope';

/**
 * The two SQL expressions statistics need that SQLite and MySQL/MariaDB spell differently. Both
 * databases hold datetimes in UTC (TypeORM writes them so), so the Shanghai calendar day is the UTC
 * time plus eight hours (China has no daylight saving).
 */
export interface StatsDialect {
  /** `YYYY-MM-DD` of a datetime column in Asia/Shanghai. */
  shanghaiDay(column: string): string;
  /** Hours from `from` to `to` (fractional). */
  hoursBetween(from: string, to: string): string;
}

const sqlite: StatsDialect = {
  shanghaiDay: (column) => `date(${column}, '+8 hours')`,
  hoursBetween: (from, to) => `((julianday(${to}) - julianday(${from})) * 24.0)`,
};

const mysql: StatsDialect = {
  shanghaiDay: (column) => `DATE_FORMAT(DATE_ADD(${column}, INTERVAL 8 HOUR), '%Y-%m-%d')`,
  hoursBetween: (from, to) => `(TIMESTAMPDIFF(SECOND, ${from}, ${to}) / 3600.0)`,
};

/** The dialect of the connection (SQLite in development and tests, MariaDB/MySQL in production). */
export function statsDialect(dataSource: DataSource): StatsDialect {
  return needsPrefixRange(dataSource) ? sqlite : mysql;
}

/** COUNT/SUM/AVG come back as strings from mysql2 and as numbers from better-sqlite3. */
export function num(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value ?? 0);
  return Number.isFinite(n) ? n : 0;
}

/** Rounds to `digits` decimals (for ratios and averages on the wire). */
export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
