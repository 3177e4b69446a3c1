import type { RouteSpec } from '@zhili/shared';

/** Which handler serves each contract route (filled as controllers load). */
const bound = new Map<RouteSpec, string>();

export function registerBoundRoute(route: RouteSpec, controller: string, method: string): void {
  const handler = `${controller}.${method}`;
  const previous = bound.get(route);
  if (previous && previous !== handler)
    throw new Error(`contract route ${route.method} ${route.path} bound twice: ${previous} and ${handler}`);
  bound.set(route, handler);
}

/** Contract routes without a handler (a start-up check and a test assert there are none). */
export function unboundRoutes(routes: RouteSpec[]): RouteSpec[] {
  return routes.filter((r) => !bound.has(r));
}

/** Refuses to start when a contract route has no handler: a client would get 404s from a documented route. */
export function assertContractBound(routes: RouteSpec[]): void {
  const missing = unboundRoutes(routes);
  if (missing.length)
    throw new Error(`contract routes without a handler: ${missing.map((r) => `${r.method} ${r.path}`).join(', ')}`);
}
