import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { needsPrefixRange, prefixCondition } from '../../../core/scope/data-scope';

/**
 * The party scope of a caller: the whole tree (`all`, the town committee's view through
 * `party:manage`), or the subtrees of the organisations they are assigned to. Paths are materialized
 * (`/committee/branch/`), so "in scope" is a prefix test, as with regions.
 */
export type PartyScope = { all: true } | { all: false; paths: readonly string[] };

/** The paths left when those inside another one are dropped (a branch under an assigned committee). */
export function outermostPaths(paths: readonly string[]): string[] {
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const path of sorted) if (!kept.some((outer) => path.startsWith(outer))) kept.push(path);
  return kept;
}

export function inPartyScope(scope: PartyScope, path: string): boolean {
  return scope.all || scope.paths.some((prefix) => path.startsWith(prefix));
}

/**
 * The prefixes a query keeps: the scope's, narrowed to the subtree `within` when given (a list's
 * organisation filter). Empty = nothing; null = no condition at all (the whole tree).
 */
export function scopePrefixes(scope: PartyScope, within?: string): string[] | null {
  if (scope.all) return within ? [within] : null;
  if (!within) return [...scope.paths];
  if (scope.paths.some((outer) => within.startsWith(outer))) return [within];
  return scope.paths.filter((path) => path.startsWith(within));
}

/**
 * Restricts a query to the scope on `column` (a qualified path column, e.g. `m.org_path`); no
 * assignment means nothing, never everything.
 */
export function applyPartyScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  scope: PartyScope,
  column: string,
  within?: string,
): SelectQueryBuilder<T> {
  const prefixes = scopePrefixes(scope, within);
  if (prefixes === null) return qb;
  if (prefixes.length === 0) return qb.andWhere('1 = 0');
  const range = needsPrefixRange(qb.connection);
  return qb.andWhere(
    new Brackets((or) => {
      prefixes.forEach((prefix, i) => or.orWhere(...prefixCondition(column, prefix, `partyScope${i}`, range)));
    }),
  );
}
