import type { PersonFilters } from '../persons/person-filters';
import { exactSearchNumber } from '../persons/person-identity';
import { tagList } from '../persons/person-query.service';
import { todayInShanghai } from '../persons/person-view';
import type { PersonExportQuery } from '@zhili/shared';

/**
 * The list filters of a person export (regionPath already resolved in scope by the caller), and the
 * same filters as they may be written to the audit log: a searched number is never logged.
 */
export function personFiltersOf(
  q: PersonExportQuery,
  regionPath: string | undefined,
  hash: (plain: string) => string,
): { filters: PersonFilters; audit: Record<string, unknown> } {
  // The same reading of `q` and `tag` as the person list, so list and export select the same people.
  const number = q.q ? exactSearchNumber(q.q) : null;
  const filters: PersonFilters = {
    regionPath,
    tags: tagList(q.tag),
    q: number ? undefined : q.q || undefined,
    qHash: number ? hash(number) : undefined,
    gender: q.gender || undefined,
    hukouType: q.hukouType || undefined,
    status: q.status || undefined,
    householdId: q.householdId || undefined,
    ageMin: q.ageMin,
    ageMax: q.ageMax,
    today: todayInShanghai(),
  };
  const audit: Record<string, unknown> = {
    regionId: q.regionId || null,
    tags: filters.tags,
    q: number ? '[证件号/手机号]' : (filters.q ?? null),
    gender: filters.gender ?? null,
    hukouType: filters.hukouType ?? null,
    status: filters.status ?? 'active',
    householdId: filters.householdId ?? null,
    ageMin: filters.ageMin ?? null,
    ageMax: filters.ageMax ?? null,
  };
  return { filters, audit };
}
