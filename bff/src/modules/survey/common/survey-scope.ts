import { Brackets, type ObjectLiteral, type SelectQueryBuilder, type WhereExpressionBuilder } from 'typeorm';
import { needsPrefixRange, prefixCondition } from '../../../core/scope/data-scope';
import type { PartyScope } from '../../party';

/** Adds "`column` starts with one of `prefixes`" to `where` (an empty list matches nothing). */
export function orPrefixes(
  where: WhereExpressionBuilder,
  column: string,
  prefixes: readonly string[],
  param: string,
  range: boolean,
): void {
  if (prefixes.length === 0) {
    where.andWhere('1 = 0');
    return;
  }
  where.andWhere(
    new Brackets((or) => {
      prefixes.forEach((prefix, i) => or.orWhere(...prefixCondition(column, prefix, `${param}${i}`, range)));
    }),
  );
}

/**
 * What a staff member sees of surveys: members' surveys in their party scope (by `org_path`, `/` being
 * the whole town's, seen only with the whole tree) and residents' consultations in their region scope.
 */
export function applySurveyScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  party: PartyScope,
  regionPrefix: string | null,
): SelectQueryBuilder<T> {
  const range = needsPrefixRange(qb.connection);
  return qb.andWhere(
    new Brackets((or) => {
      or.orWhere(
        new Brackets((members) => {
          members.where(`${alias}.audience = 'members'`);
          if (!party.all) orPrefixes(members, `${alias}.org_path`, party.paths, 'svParty', range);
        }),
      );
      or.orWhere(
        new Brackets((residents) => {
          residents.where(`${alias}.audience = 'residents'`);
          orPrefixes(residents, `${alias}.region_path`, regionPrefix ? [regionPrefix] : [], 'svRegion', range);
        }),
      );
    }),
  );
}
