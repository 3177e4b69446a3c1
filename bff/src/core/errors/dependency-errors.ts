/**
 * Outages of the services the BFF depends on (database, Redis) are the client's "try again later"
 * (503 SERVICE_UNAVAILABLE with Retry-After), not our bug (500 INTERNAL): a load balancer can retry
 * another node, the front ends show "服务暂时不可用", and monitoring can tell the two apart.
 */

export type Dependency = 'database' | 'cache';

/** Seconds a client should wait before retrying a request refused during an outage. */
export const OUTAGE_RETRY_AFTER_SEC = 5;

/** Thrown (or recognised) when a dependency did not answer; the error filter maps it to 503. */
export class DependencyUnavailableError extends Error {
  constructor(
    readonly dependency: Dependency,
    readonly cause?: unknown,
  ) {
    super(`${dependency} unavailable: ${cause instanceof Error ? cause.message : String(cause ?? '')}`);
    this.name = 'DependencyUnavailableError';
  }
}

/** Socket-level failures: the database's when its driver raised them (see below). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * Driver error codes meaning "the database did not answer in time or cannot take the query now" — as
 * opposed to a bad query or a constraint violation, which stay 4xx/500. mysql2: connection lost,
 * client-side query timeout, too many connections, lock wait / statement timeouts, shutdown;
 * better-sqlite3: the file is locked by another writer past busy_timeout.
 */
const DATABASE_OUTAGE_CODES = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'ER_CON_COUNT_ERROR',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_STATEMENT_TIMEOUT',
  'ER_QUERY_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  'ER_NORMAL_SHUTDOWN',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
]);

/** Messages of errors the pools throw without a code (closed pool, pool shut down). */
const DATABASE_OUTAGE_MESSAGES = [/Pool is closed/i, /Can't add new command when connection is in closed state/i];

interface ErrorWithCode {
  code?: unknown;
  /** mysql2 marks errors that killed the connection as fatal. */
  fatal?: unknown;
  /** Set on TypeORM's QueryFailedError. */
  query?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

/** The error, its TypeORM `driverError` and its `cause`s, at most a few levels deep. */
function errorChain(err: unknown): ErrorWithCode[] {
  const chain: ErrorWithCode[] = [];
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const e = current as ErrorWithCode;
    chain.push(e);
    current = e.driverError ?? e.cause;
  }
  return chain;
}

/** Which dependency an error says is down, or null when it is some other failure. */
export function dependencyOutageOf(err: unknown): Dependency | null {
  if (err instanceof DependencyUnavailableError) return err.dependency;
  const chain = errorChain(err);
  // A bare network code may come from any client (WeChat, gov APIs); count it as the database's only
  // when the database driver raised it: inside a failed query, or a connection error mysql2 marks fatal.
  const fromDatabaseDriver = chain.some((e) => typeof e.query === 'string' || e.fatal === true);
  for (const e of chain) {
    if (e instanceof DependencyUnavailableError) return e.dependency;
    if (typeof e.code === 'string') {
      if (DATABASE_OUTAGE_CODES.has(e.code)) return 'database';
      if (fromDatabaseDriver && NETWORK_CODES.has(e.code)) return 'database';
    }
    const message = typeof e.message === 'string' ? e.message : '';
    if (DATABASE_OUTAGE_MESSAGES.some((re) => re.test(message))) return 'database';
  }
  return null;
}
