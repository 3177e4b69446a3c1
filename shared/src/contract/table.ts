import type { RouteSpec } from './define';
import { tagRoutes } from './registry/tags';

/**
 * Every route, grouped by feature. A new feature adds its group here (one line); the BFF checks at
 * start that each group's routes have a handler and every handler a route.
 */
export const contract = {
  tags: tagRoutes,
};

/** All routes as a flat list (docs, the start-up check, the bad-input walk). */
export function allRoutes(table: Record<string, Record<string, RouteSpec>> = contract): RouteSpec[] {
  return Object.values(table).flatMap((group) => Object.values(group));
}
