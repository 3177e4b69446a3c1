import type { RouteSpec } from '@zhili/shared';
import { zhIssueMessage } from '@zhili/shared';

/** Thrown when a handler answers something its route's response schema does not describe. */
export class ContractResponseError extends Error {
  constructor(route: RouteSpec, problems: string[]) {
    super(`response of ${route.method} ${route.path} does not match the contract: ${problems.slice(0, 5).join('; ')}`);
    this.name = 'ContractResponseError';
  }
}

/**
 * Checks a handler's result as the client will see it (after JSON: dates become strings, undefined
 * fields disappear) against the route's response schema; throws ContractResponseError (a 500 in
 * tests) on any difference.
 */
export function assertResponseMatches(route: RouteSpec, result: unknown): void {
  if (!route.response || route.responseKind === 'file' || result === undefined) return;
  const wire = JSON.parse(JSON.stringify(result)) as { data?: unknown; page?: unknown };
  const items = route.list ? (Array.isArray(wire.data) ? wire.data : [wire.data]) : [wire.data];
  for (const item of items) {
    const checked = route.response.safeParse(item, { error: zhIssueMessage });
    if (!checked.success)
      throw new ContractResponseError(
        route,
        checked.error.issues.map((i) => `${i.path.join('.') || '(data)'}: ${i.message}`),
      );
  }
}
