import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AppError } from '../errors/app-error';
import type { Principal } from '../auth/principal';

/**
 * Data scope: every staff user is bound to a region; they see records whose `scope_path` lies in that
 * region's subtree. Paths are materialized (`/town/village/grid/`), so "in scope" is a prefix test —
 * in SQL an index range on the column (see prefixCondition), in memory a `startsWith`.
 *
 * Mini-program principals have no region scope (their own records are selected by owner id), with one
 * exception: a grid worker (role `grid_worker`) sees the grid they are bound to. Their principal is
 * built by modules/mp-grid from the mp_user row on every request (access tokens of mini-program users
 * never carry a scope path), so a binding code that changes role or region takes effect at once.
 * A resident never gets a scope, whatever path the principal carries.
 */

/** The prefix a principal may see, or null when they may see nothing scoped. */
export function scopePrefix(principal: Principal): string | null {
  if (principal.kind === 'staff') return principal.scopePath ?? null;
  if (principal.kind === 'mp' && principal.roles.includes('grid_worker')) return principal.scopePath ?? null;
  return null;
}

/** Whether a record with `recordPath` is visible to the principal. */
export function inScope(principal: Principal, recordPath: string | null | undefined): boolean {
  const prefix = scopePrefix(principal);
  return Boolean(prefix && recordPath && recordPath.startsWith(prefix));
}

/**
 * Throws NOT_FOUND (not FORBIDDEN) for a record outside the principal's scope, so ids of other
 * regions' records cannot be probed for existence.
 */
export function assertInScope(principal: Principal, recordPath: string | null | undefined): void {
  if (!inScope(principal, recordPath)) throw new AppError('NOT_FOUND');
}

/**
 * Escapes LIKE wildcards (ids never contain them, but never trust that). The escape character is `!`,
 * not a backslash: a backslash inside a quoted literal escapes the closing quote on MySQL/MariaDB (a
 * syntax error there) while SQLite takes it literally; `!` means the same on both.
 */
export function likeEscape(text: string): string {
  return text.replace(/[!%_]/g, (c) => `!${c}`);
}

/**
 * SQL and parameters for "`column` starts with `prefix`" — a region subtree for path columns, a name
 * prefix for names (parameter names derived from `param`), ready to spread into `.where(...)`.
 *
 * `range: true` (SQLite) adds `>= prefix AND < successor(prefix)`: SQLite's LIKE is
 * case-insensitive and so never uses an index — every scoped query read the whole table (56k persons
 * in the full demo town: 23 ms for a village count, 2 ms as a range). The successor is by code
 * point, which is SQLite's (binary) order but not every MySQL collation's (utf8mb4_unicode_ci sorts
 * ':' before '9'), so MySQL/MariaDB keep the plain LIKE, which their optimizer turns into an index
 * range under the column's own collation. The LIKE stays in both cases for the exact semantics.
 */
export function prefixCondition(
  column: string,
  prefix: string,
  param: string,
  range: boolean,
): [sql: string, params: Record<string, string>] {
  const like = `${likeEscape(prefix)}%`;
  if (!range) return [`${column} LIKE :${param} ESCAPE '!'`, { [param]: like }];
  // The smallest string above every string starting with `prefix`: its last code point plus one
  // (code points, not UTF-16 units, so a rare-character surname never yields a lone surrogate).
  const chars = Array.from(prefix);
  const last = chars.pop() ?? '';
  const upper = chars.join('') + String.fromCodePoint((last.codePointAt(0) ?? 0) + 1);
  return [
    `(${column} >= :${param}Lo AND ${column} < :${param}Hi AND ${column} LIKE :${param} ESCAPE '!')`,
    { [`${param}Lo`]: prefix, [`${param}Hi`]: upper, [param]: like },
  ];
}

/** Whether prefix conditions on this connection need the explicit range (see prefixCondition). */
export function needsPrefixRange(connection: { options: { type: string } }): boolean {
  return connection.options.type === 'better-sqlite3' || connection.options.type === 'sqlite';
}

/** Adds "`column` starts with `prefix`" to a query, in the form its database can index. */
export function whereStartsWith<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  column: string,
  prefix: string,
  param: string,
): SelectQueryBuilder<T> {
  return qb.andWhere(...prefixCondition(column, prefix, param, needsPrefixRange(qb.connection)));
}

/**
 * Restricts a query to the principal's subtree. `column` is the qualified scope column, e.g.
 * `u.scope_path`. A principal without a scope gets an always-false condition, never "everything".
 *
 * `within` narrows the query to a region's subtree (a list's `regionId` filter). It is merged here
 * into ONE range rather than added as a second condition: given two ranges on one column SQLite
 * uses just one for the index, and took the wide scope range — a grid's 334 persons were found by
 * scanning the whole town's 56k.
 */
export function applyScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  principal: Principal,
  column: string,
  within?: string | null,
): SelectQueryBuilder<T> {
  const prefix = scopePrefix(principal);
  if (!prefix) return qb.andWhere('1 = 0');
  if (!within || prefix.startsWith(within)) return whereStartsWith(qb, column, prefix, 'scopePrefix');
  if (within.startsWith(prefix)) return whereStartsWith(qb, column, within, 'scopePrefix');
  // A region outside the scope: nothing (callers check regionId first and answer 404).
  return qb.andWhere('1 = 0');
}
