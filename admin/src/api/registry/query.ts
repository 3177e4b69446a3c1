import type { QueryValue } from '../http';

/** Paging of every registry list (`pageSize` ≤ 100 at the BFF). */
export type PageQuery = { page: number; pageSize: number };

/** Common staff path prefix of the registry endpoints. */
export const ADMIN = '/api/admin';

/** `encodeURIComponent` for ids in paths. */
export const seg = (id: string): string => encodeURIComponent(id);

/**
 * Flattens a query with list values (`tag=a&tag=b` is sent as `tag=a,b`, which the contract accepts)
 * into the client's flat query record.
 */
export function flatQuery(query: Record<string, QueryValue | readonly string[]>): Record<string, QueryValue> {
  const out: Record<string, QueryValue> = {};
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) {
      if (value.length > 0) out[key] = value.join(',');
    } else {
      out[key] = value as QueryValue;
    }
  }
  return out;
}
