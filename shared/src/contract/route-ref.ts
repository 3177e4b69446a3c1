import type { HttpMethod, RouteSpec } from './define';

/**
 * A route as a client calls it: method, path and whether it answers a page — without the schemas.
 * The route index (`route-index.generated.ts`, reached through `@zhili/shared/client`) holds one per
 * route, so a bundle that only calls the BFF does not carry zod and every schema of the contract
 * (issue #12: +560 KB in the mini-program's main package).
 *
 * The spec a ref stands for rides along as a type only, so `ClientInput<R>` / `ClientOutput<R>`
 * still come from the contract (`SpecOf<Ref>`): `api(routes.mpCases.submit, { body })` is checked as before.
 */
declare const specOfRef: unique symbol;

interface RouteRefBase<R extends RouteSpec> {
  readonly method: R['method'];
  readonly path: R['path'];
  /** Never present at run time: carries the spec's type for inference. */
  readonly [specOfRef]?: R;
}

/** `list: true` exactly when the spec's response is a page (`{ data, page }`). */
export type RouteRef<R extends RouteSpec> = RouteRefBase<R> &
  (R extends { list: true } ? { readonly list: true } : { readonly list?: undefined });

/** Any route ref — what a client function takes: `api<Ref extends AnyRouteRef>(route: Ref, …)`. */
export interface AnyRouteRef {
  readonly method: HttpMethod;
  readonly path: string;
  readonly list?: true;
  readonly [specOfRef]?: RouteSpec;
}

/**
 * The spec a ref stands for; for a union of refs (`follow ? r.follow : r.unfollow`) the union of
 * their specs, so `ClientInput<SpecOf<Ref>>` asks for what either route takes.
 */
export type SpecOf<Ref extends AnyRouteRef> = NonNullable<Ref[typeof specOfRef]>;

/** The refs of one group of the contract table (`contract.mpCases` → `{ submit: RouteRef<…>, … }`). */
export type RouteGroupRefs<G> = {
  readonly [K in keyof G]: G[K] extends RouteSpec ? RouteRef<G[K]> : never;
};

/** What the route index holds at run time for one route. */
export interface PlainRouteRef {
  method: HttpMethod;
  path: string;
  list?: true;
}

/** The run-time part of a spec a client needs. */
export function routeRefOf(spec: RouteSpec): PlainRouteRef {
  return spec.list ? { method: spec.method, path: spec.path, list: true } : { method: spec.method, path: spec.path };
}

/** Every group of a contract table as refs: what the route index must equal (see route-index.test.ts). */
export function routeIndexOf(
  table: Record<string, Record<string, RouteSpec>>,
): Record<string, Record<string, PlainRouteRef>> {
  return Object.fromEntries(
    Object.entries(table).map(([group, routes]) => [
      group,
      Object.fromEntries(Object.entries(routes).map(([name, spec]) => [name, routeRefOf(spec)])),
    ]),
  );
}
