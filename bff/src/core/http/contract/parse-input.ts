import type { Context } from '@midwayjs/koa';
import { ErrorCode, fieldErrorsOf, zhIssueMessage } from '@zhili/shared';
import type { FieldError, RouteInput, RouteSpec, z } from '@zhili/shared';
import { AppError } from '../../errors/app-error';
import { impossibleDates, inputRuleViolations } from '../input-rules';

/** Parses one part of a request against its schema; zod's own messages, or our Chinese defaults. */
function parsePart(
  schema: z.ZodType | undefined,
  value: unknown,
  prefix: string,
): { value: unknown; errors: FieldError[] } {
  if (!schema) return { value: undefined, errors: [] };
  const result = schema.safeParse(value, { error: zhIssueMessage });
  if (result.success) return { value: result.data, errors: [] };
  return { value: undefined, errors: fieldErrorsOf(result.error, prefix) };
}

/** Throws the one 400 VALIDATION_FAILED listing every problem found, if any. */
function refuse(errors: FieldError[]): void {
  if (errors.length) throw new AppError(ErrorCode.VALIDATION_FAILED, undefined, errors);
}

/** Bodies the decorator leaves to the handler: multipart and raw ones it reads itself, form ones it checks later. */
const handlerReadsBody = (route: RouteSpec) =>
  route.bodyKind === 'multipart' || route.bodyKind === 'raw' || route.bodyKind === 'form';

/**
 * The validated input of a contract route: path parameters, query and body checked against the
 * route's schemas, then the central input rules (no control characters in text; input-rules.ts)
 * over what passed. Any problem is one 400 VALIDATION_FAILED listing every field, as before.
 */
export function parseRouteInput(route: RouteSpec, ctx: Context): { params: unknown; query: unknown; body: unknown } {
  const params = parsePart(route.params, ctx.params ?? {}, 'params');
  const query = parsePart(route.query, ctx.query ?? {}, 'query');
  // A route without a body schema ignores whatever was sent (multipart and raw handlers read it themselves:
  // a signed callback must see the exact bytes, so its body is not touched here).
  const rawBody = (ctx.request as { body?: unknown }).body;
  const ownBody = handlerReadsBody(route);
  const body = ownBody ? { value: undefined, errors: [] } : parsePart(route.body, rawBody ?? {}, 'body');
  refuse([...params.errors, ...query.errors, ...body.errors]);
  refuse([
    ...impossibleDates(ctx.query ?? {}),
    ...(ownBody ? [] : impossibleDates(rawBody ?? {})),
    ...inputRuleViolations(params.value),
    ...inputRuleViolations(query.value),
    ...inputRuleViolations(body.value),
  ]);
  return { params: params.value ?? {}, query: query.value, body: body.value };
}

/**
 * The body of a `form` route, checked when its handler is ready for it (Open311: after the api_key)
 * against the route's schema and the same input rules as every other body.
 */
export function parseRouteBody<R extends RouteSpec>(route: R, ctx: Context): RouteInput<R>['body'] {
  const rawBody = (ctx.request as { body?: unknown }).body ?? {};
  const body = parsePart(route.body, rawBody, 'body');
  refuse(body.errors);
  refuse([...impossibleDates(rawBody), ...inputRuleViolations(body.value)]);
  return body.value as RouteInput<R>['body'];
}

/** One value checked against a schema of the contract with the same messages and rules as a route's parts. */
export function parseValue<S extends z.ZodType>(schema: S, value: unknown, part: string): z.output<S> {
  const parsed = parsePart(schema, value, part);
  refuse(parsed.errors);
  refuse(inputRuleViolations(parsed.value));
  return parsed.value as z.output<S>;
}
