import { fillPath } from '@zhili/shared/client';
import type { AnyRouteRef, ClientInput, ClientOutput, SpecOf } from '@zhili/shared/client';
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
 * route, so no interface is copied by hand. The route is a ref of `@zhili/shared/client`'s
 * `routes` (e.g. `routes.mpCases.submit`): method and path only, its spec's types riding along, so
 * the mini-program carries no schema and no zod. List routes resolve to `{ data, page }`, the others
 * to `data`.
 */
export function api<Ref extends AnyRouteRef>(
  route: Ref,
  input: ClientInput<SpecOf<Ref>>,
  options: ApiOptions = {},
): Promise<ClientOutput<SpecOf<Ref>>> {
  const { params, query, body } = input as {
    params?: Record<string, string | number>;
    query?: Record<string, QueryValue | QueryValue[]>;
    body?: object;
  };
  const path = fillPath(route.path, params) + queryString(query);
  if (route.list) return requestList(path, options) as Promise<ClientOutput<SpecOf<Ref>>>;
  return request(path, { ...options, method: route.method, data: body }) as Promise<ClientOutput<SpecOf<Ref>>>;
}
