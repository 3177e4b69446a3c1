import { fillPath } from '@zhili/shared';
import type { ClientInput, ClientOutput, RouteSpec } from '@zhili/shared';
import { request, requestList, type Query, type RequestOptions } from './http';

/** Per-call options of the request client that a contract call may still choose. */
export type ApiOptions = Pick<RequestOptions, 'silent' | 'signal' | 'timeoutMs' | 'dataOnStatus' | 'auth' | 'token'>;

/**
 * Calls the BFF through a route of the shared contract (`@zhili/shared` `contract`): method, path
 * and the input/output types come from the route, so no interface is copied by hand here.
 * List routes resolve to `{ data, page }`, the others to `data`.
 *
 * @example api(tagRoutes.update, { params: { code }, body: { name } })
 */
export function api<R extends RouteSpec>(
  route: R,
  input: ClientInput<R>,
  options: ApiOptions = {},
): Promise<ClientOutput<R>> {
  const { params, query, body } = input as { params?: Record<string, string | number>; query?: Query; body?: unknown };
  const path = fillPath(route.path, params);
  if (route.list) return requestList(path, { ...options, query }) as Promise<ClientOutput<R>>;
  return request(route.method, path, { ...options, query, body }) as Promise<ClientOutput<R>>;
}
