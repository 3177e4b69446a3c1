import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { needsPrefixRange, prefixCondition } from '../../core/scope/data-scope';
import { inPartyScope, type PartyScope } from '../party';

/**
 * Party scope as the exam module reads it: what a caller manages (their subtrees), and what they may
 * read besides — a higher organisation's questions and exams are shared down the tree read-only.
 */

/** `/a/b/c/` → [`/a/`, `/a/b/`, `/a/b/c/`]: the organisation and every one above it. */
export function pathAndAncestors(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

/** Managed (in scope) or shared from above (an ancestor of a path in scope). */
export function readableIn(scope: PartyScope, path: string): boolean {
  return inPartyScope(scope, path) || (!scope.all && scope.paths.some((p) => p.startsWith(path)));
}

/** The paths above the scope's own (their records are shared read-only), none for the whole tree. */
export function sharedFromAbove(scope: PartyScope): string[] {
  if (scope.all) return [];
  return [...new Set(scope.paths.flatMap((p) => pathAndAncestors(p).filter((a) => a !== p)))];
}

/**
 * Restricts a query to rows readable in the scope on `column` (a qualified path column): managed
 * subtrees, plus the organisations above them. No assignment means nothing.
 */
export function whereReadable<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  scope: PartyScope,
  column: string,
): SelectQueryBuilder<T> {
  if (scope.all) return qb;
  if (scope.paths.length === 0) return qb.andWhere('1 = 0');
  const above = sharedFromAbove(scope);
  const range = needsPrefixRange(qb.connection);
  return qb.andWhere(
    new Brackets((or) => {
      scope.paths.forEach((prefix, i) => or.orWhere(...prefixCondition(column, prefix, `examScope${i}`, range)));
      if (above.length > 0) or.orWhere(`${column} IN (:...examAbove)`, { examAbove: above });
    }),
  );
}
