import type { LocationQuery, LocationQueryRaw } from 'vue-router';

/**
 * List filters ↔ URL query, so a filtered list can be bookmarked, shared and restored by the back
 * button. The defaults say each key's type: a string, a list of strings, a switch, or a number that
 * may be empty (default `null`). Only values that differ from the default go into the URL.
 */
export type FilterValue = string | string[] | number | boolean | null;
export type FilterShape<F> = { [K in keyof F]: FilterValue };

/** Paging in the URL too (`page`, `pageSize`), left out while at their defaults. */
export interface PageState {
  page: number;
  pageSize: number;
}

function sameValue(a: FilterValue, b: FilterValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const left = Array.isArray(a) ? a : [];
    const right = Array.isArray(b) ? b : [];
    return left.length === right.length && left.every((item, i) => item === right[i]);
  }
  return a === b;
}

export function filtersToQuery<F extends FilterShape<F>>(
  filters: F,
  defaults: F,
  paging?: { state: PageState; defaults: PageState },
): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  for (const key of Object.keys(defaults) as (keyof F & string)[]) {
    const value = filters[key];
    if (sameValue(value, defaults[key]) || value === null) continue;
    query[key] = Array.isArray(value) ? [...value] : String(value);
  }
  if (paging && paging.state.page !== paging.defaults.page) query.page = String(paging.state.page);
  if (paging && paging.state.pageSize !== paging.defaults.pageSize) query.pageSize = String(paging.state.pageSize);
  return query;
}

function strings(raw: LocationQuery[string] | undefined): string[] {
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter((item): item is string => typeof item === 'string' && item !== '');
}

function parseValue(raw: LocationQuery[string] | undefined, fallback: FilterValue): FilterValue {
  const found = strings(raw);
  if (Array.isArray(fallback)) return found.length > 0 ? found : [...fallback];
  if (found.length === 0) return fallback;
  if (typeof fallback === 'boolean') return found[0] === 'true';
  if (typeof fallback === 'number' || fallback === null) {
    const number = Number(found[0]);
    return Number.isFinite(number) ? number : fallback;
  }
  return found[0];
}

/** Filters read from the URL; keys the URL lacks (or holds garbage for) keep their defaults. */
export function filtersFromQuery<F extends FilterShape<F>>(query: LocationQuery, defaults: F): F {
  const result = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof F & string)[]) {
    result[key] = parseValue(query[key], defaults[key]) as F[typeof key];
  }
  return result;
}

/** Paging read from the URL: positive whole numbers only, else the defaults. */
export function pageFromQuery(query: LocationQuery, defaults: PageState): PageState {
  const whole = (raw: LocationQuery[string] | undefined, fallback: number): number => {
    const number = Number(strings(raw)[0]);
    return Number.isInteger(number) && number > 0 ? number : fallback;
  };
  return { page: whole(query.page, defaults.page), pageSize: whole(query.pageSize, defaults.pageSize) };
}

/** True when two URL queries carry the same values (order of keys aside). */
export function sameQuery(a: LocationQueryRaw | LocationQuery, b: LocationQueryRaw | LocationQuery): boolean {
  const normal = (q: LocationQueryRaw | LocationQuery): string =>
    JSON.stringify(
      Object.keys(q)
        .filter((key) => q[key] !== undefined && q[key] !== null)
        .sort()
        .map((key) => [key, q[key]]),
    );
  return normal(a) === normal(b);
}
