import type { Context, NextFunction } from '@midwayjs/koa';
import { ErrorCode } from '@zhili/shared';
import { AppError } from '../errors/app-error';

/**
 * No request body of ours nests deeper than a handful of levels (a case with photos, a holiday list,
 * a GeoJSON polygon: at most 5). Deeper bodies are refused right after parsing, before routing:
 * thousands of levels overflowed the stack of the DTO conversion, which Midway swallowed, so handlers
 * ran on an undefined DTO (issue #11).
 */
export const MAX_BODY_DEPTH = 32;

/** Nesting depth of a parsed JSON value (a scalar is 0), computed without recursion. */
export function depthOf(value: unknown, stopAbove = Infinity): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== 'object') continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > stopAbove) return deepest;
    for (const child of Object.values(node as Record<string, unknown>)) {
      if (child !== null && typeof child === 'object') stack.push([child, level]);
    }
  }
  return deepest;
}

export function bodyDepthLimit(max = MAX_BODY_DEPTH) {
  return async (ctx: Context, next: NextFunction): Promise<void> => {
    const body = (ctx.request as { body?: unknown }).body;
    if (body !== null && typeof body === 'object' && depthOf(body, max) > max) {
      throw new AppError(ErrorCode.BAD_REQUEST, `请求体嵌套层级过深（最多 ${max} 层）`);
    }
    await next();
  };
}
