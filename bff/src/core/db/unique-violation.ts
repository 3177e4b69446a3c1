/** Whether a database error is a unique-key violation (SQLite or MySQL/MariaDB), e.g. a lost insert race. */
export function isUniqueViolation(err: unknown): boolean {
  const driver =
    (err as { driverError?: { code?: string; errno?: number } }).driverError ??
    (err as { code?: string; errno?: number });
  return (
    driver?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    driver?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    driver?.code === 'ER_DUP_ENTRY' ||
    driver?.errno === 1062
  );
}

/**
 * Whether MySQL/MariaDB chose this transaction as a deadlock victim (1213): it was rolled back and
 * may simply be run again. E.g. two transactions that both found no row under a gap lock and then
 * insert it.
 */
export function isDeadlock(err: unknown): boolean {
  const driver =
    (err as { driverError?: { code?: string; errno?: number } }).driverError ??
    (err as { code?: string; errno?: number });
  return driver?.code === 'ER_LOCK_DEADLOCK' || driver?.errno === 1213;
}
