import type { ValueTransformer } from 'typeorm';

/**
 * Epoch milliseconds in a `bigint` column: the MariaDB driver hands bigints back as strings, SQLite
 * as numbers; both come out as numbers (safe: epoch ms stay far below 2^53).
 */
export const epochMs: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};
