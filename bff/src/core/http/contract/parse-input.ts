import type { Context } from '@midwayjs/koa';
import { ErrorCode, fieldErrorsOf, zhIssueMessage } from '@zhili/shared';
import type { FieldError, RouteSpec, z } from '@zhili/shared';
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
  const ownBody = route.bodyKind === 'multipart' || route.bodyKind === 'raw';
  const body = ownBody ? { value: undefined, errors: [] } : parsePart(route.body, rawBody ?? {}, 'body');
  const errors = [...params.errors, ...query.errors, ...body.errors];
  if (errors.length) throw new AppError(ErrorCode.VALIDATION_FAILED, undefined, errors);
  const violations = [
    ...impossibleDates(ctx.query ?? {}),
    ...(ownBody ? [] : impossibleDates(rawBody ?? {})),
    ...inputRuleViolations(null, params.value),
    ...inputRuleViolations(null, query.value),
    ...inputRuleViolations(null, body.value),
  ];
  if (violations.length) throw new AppError(ErrorCode.VALIDATION_FAILED, undefined, violations);
  return { params: params.value ?? {}, query: query.value, body: body.value };
}
