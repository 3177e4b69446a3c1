import { normalizeMobile, parseIdNumber, registryLimits } from '@zhili/shared';
import type { PersonFilters } from '../persons/person-filters';
import { todayInShanghai } from '../persons/person-view';
import type { PersonExportQueryDTO } from './transfer.dto';

/**
 * The full ID number or mobile a search text stands for (matched through the keyed hash, never by
 * decrypting), or null when the text is a name prefix.
 */
export function exactNumber(q: string): string | null {
  const text = q.trim();
  if (/^\d{17}[\dXx]$/.test(text) && parseIdNumber(text).valid) return text.toUpperCase();
  return /^[+\d\s-]+$/.test(text) ? normalizeMobile(text) : null;
}

/** Tag codes from `tag=a&tag=b` or `tag=a,b`. */
export function tagCodes(tag: string | string[] | undefined): string[] {
  const raw = Array.isArray(tag) ? tag : tag ? [tag] : [];
  return [...new Set(raw.flatMap((t) => t.split(',')).map((t) => t.trim()).filter((t) => registryLimits.tagCode.pattern.test(t)))];
}

/**
 * The list filters of a person export (regionPath already resolved in scope by the caller), and the
 * same filters as they may be written to the audit log: a searched number is never logged.
 */
export function personFiltersOf(q: PersonExportQueryDTO, regionPath: string | undefined, hash: (plain: string) => string): { filters: PersonFilters; audit: Record<string, unknown> } {
  const number = q.q ? exactNumber(q.q) : null;
  const filters: PersonFilters = {
    regionPath,
    tags: tagCodes(q.tag),
    q: number ? undefined : q.q || undefined,
    qHash: number ? hash(number) : undefined,
    gender: q.gender || undefined,
    hukouType: q.hukouType || undefined,
    status: q.status || undefined,
    householdId: q.householdId || undefined,
    ageMin: q.ageMin === '' ? undefined : q.ageMin,
    ageMax: q.ageMax === '' ? undefined : q.ageMax,
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
