import { Del, Get, HttpCode, Patch, Post, Put } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import type { RouteInput, RouteResult, RouteSpec } from '@zhili/shared';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { parseRouteInput } from './parse-input';
import { registerBoundRoute } from './bound-routes';
import { assertResponseMatches } from './check-response';

/**
 * Tests (and a staging run) set CONTRACT_CHECK_RESPONSES=true: every answer is checked against its
 * route's response schema, so every API test also proves the contract tells the truth. Off in
 * production: the schema describes what the code sends, it is not a second pass over it.
 */
const checkResponses = () => process.env.CONTRACT_CHECK_RESPONSES === 'true';

const mappings = { GET: Get, POST: Post, PUT: Put, PATCH: Patch, DELETE: Del } as const;

/** A controller that serves contract routes: request-scoped, with the request context injected. */
export interface ContractController {
  ctx: Context;
  /**
   * Optional, for routes that answer in a wire format of their own (`responseKind: 'document'`,
   * Open311 GeoReport): wraps every contract route of the controller. `serve` validates the input and
   * runs the handler, resolving to its `{ data }`; what `answer` returns is the response body and what
   * it throws goes to the error filter — so it renders successes and failures (invalid input
   * included) in that format itself, and may do work before the input is read (a rate limit).
   */
  answer?(route: RouteSpec, serve: () => Promise<unknown>): Promise<unknown>;
}

type Handler<R extends RouteSpec> = (input: RouteInput<R>) => Promise<RouteResult<R>>;

/**
 * Binds a handler to a route of the contract table (`@zhili/shared` `contract`): the HTTP method and
 * path, the success status, the permission the guard checks, and validation of params, query and
 * body through the route's schemas before the handler runs. The handler receives the validated
 * input and returns `{ data }` typed by the route's response schema. Controllers using it are
 * declared with `@Controller('/')`: the path lives in the contract only.
 */
export function Api<R extends RouteSpec>(route: R) {
  return <F extends Handler<R>>(
    target: ContractController,
    key: string,
    descriptor: TypedPropertyDescriptor<F>,
  ): void => {
    const handler = descriptor.value as Handler<R>;
    const validated = async function (this: ContractController): Promise<unknown> {
      const serve = async (): Promise<RouteResult<R>> => {
        const result = await handler.call(this, parseRouteInput(route, this.ctx) as RouteInput<R>);
        if (checkResponses()) assertResponseMatches(route, result);
        return result;
      };
      return this.answer ? this.answer(route, serve) : serve();
    };
    descriptor.value = validated as unknown as F;
    // Midway reads the method's metadata by its name; the wrapper replaces only its body.
    mappings[route.method](route.path)(target, key, descriptor as PropertyDescriptor);
    if (route.status) HttpCode(route.status)(target, key, descriptor as PropertyDescriptor);
    if (route.permission) RequirePermission(route.permission)(target, key, descriptor as PropertyDescriptor);
    registerBoundRoute(route, target.constructor.name, key);
  };
}
