/**
 * A datetime from a raw query: mysql2 (timezone 'Z') answers a Date, better-sqlite3 the string
 * TypeORM wrote (`YYYY-MM-DD HH:MM:SS[.sss]`, UTC, no zone designator).
 */
export function dbDate(value: Date | string | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const iso = value.includes('T') ? value : value.replace(' ', 'T');
  return new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(iso) ? iso : `${iso}Z`);
}
