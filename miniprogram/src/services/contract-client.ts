import { fillPath } from '@zhili/shared';
import type { ClientInput, ClientOutput, RouteSpec } from '@zhili/shared';
import { request, requestList, type RequestOptions } from './request';

/** Per-call options of the request client a contract call may still choose. */
export type ApiOptions = Omit<RequestOptions, 'method' | 'data'>;

type QueryValue = string | number | boolean | null | undefined;

/** `?a=1&b=x` from a query object (blank values left out); arrays repeat the key. */
function queryString(query: Record<string, QueryValue | QueryValue[]> | undefined): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v === undefined || v === null || v === '') continue;
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`);
    }
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/**
 * Calls the BFF through a route of the shared contract: method, path and types come from the
 * route (`@zhili/shared` `contract`), so no interface is copied by hand. List routes resolve to
 * `{ data, page }`, the others to `data`.
 */
export function api<R extends RouteSpec>(
  route: R,
  input: ClientInput<R>,
  options: ApiOptions = {},
): Promise<ClientOutput<R>> {
  const { params, query, body } = input as {
    params?: Record<string, string | number>;
    query?: Record<string, QueryValue | QueryValue[]>;
    body?: object;
  };
  const path = fillPath(route.path, params) + queryString(query);
  if (route.list) return requestList(path, options) as Promise<ClientOutput<R>>;
  return request(path, { ...options, method: route.method, data: body }) as Promise<ClientOutput<R>>;
}
