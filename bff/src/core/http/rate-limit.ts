import { getPropertyMetadata, Guard, IGuard, Inject, savePropertyMetadata } from '@midwayjs/core';
import type { Context, NextFunction } from '@midwayjs/koa';
import { AppError } from '../errors/app-error';
import { principalOf } from '../auth/principal';
import { requiredPermission } from '../auth/require-permission.decorator';
import { InfraService } from '../infra/infra.service';
import type { RateBudget } from '../infra/rate-limiter';
import type { Infra } from '../infra/types';

/**
 * Rate limits on sensitive routes, counted by the shared infra's rate limiters (rate-limiter-flexible
 * on Redis in production), so the budget holds across BFF processes. Over the limit the answer is 429 RATE_LIMITED with
 * `Retry-After` (seconds until the window resets).
 *
 * Use `@RateLimit({...})` on a controller method (checked by RateLimitGuard, after AuthGuard, so
 * refused callers do not spend anyone's budget), or `rateLimitMiddleware` on plain koa routes.
 */
export interface RateLimitRule extends RateBudget {
  /** Bucket name, e.g. `user.create`: routes with the same name share a budget. */
  name: string;
  /** Most requests allowed per window. */
  limit: number;
  windowSec: number;
  /**
   * Whose budget: `principal` (the signed-in caller; the client IP when anonymous) or `ip`.
   * Default `principal`: one admin hammering an endpoint must not lock out their colleagues.
   */
  by?: 'principal' | 'ip';
}

const RATE_LIMIT_KEY = 'zhili:http:rate-limit';

/**
 * ONE budget for every unmasked personal-data read (persons, case reporters, staff users,
 * businesses, residents), per staff user. RateLimitGuard applies it to every route that requires
 * `person:pii:read`, so a new PII route cannot forget it and reads on one kind of record count
 * against reads on all the others (harvesting by switching record types gains nothing).
 */
export const PII_READ_LIMIT: RateLimitRule = { name: 'pii.read', limit: 60, windowSec: 600 };

/**
 * Mini-program login, per client IP: each attempt costs an outbound `jscode2session` call, so
 * forged codes must not turn the BFF into an amplifier. Generous enough for residents behind one
 * carrier NAT (a real client logs in once per session).
 */
export const MP_LOGIN_LIMIT: RateLimitRule = { name: 'mp.login', limit: 60, windowSec: 60, by: 'ip' };

export function RateLimit(rule: RateLimitRule): MethodDecorator {
  return (target, propertyKey) => savePropertyMetadata(RATE_LIMIT_KEY, rule, target, propertyKey);
}

export function rateLimitOf(controller: object, method: string): RateLimitRule | undefined {
  return getPropertyMetadata(RATE_LIMIT_KEY, controller, method) as RateLimitRule | undefined;
}

/** Every budget a route spends: its own @RateLimit, plus PII_READ_LIMIT on unmasked-PII routes. */
export function rateLimitsOf(controller: object, method: string): RateLimitRule[] {
  const own = rateLimitOf(controller, method);
  const rules = own ? [own] : [];
  if (requiredPermission(controller, method) === 'person:pii:read' && own?.name !== PII_READ_LIMIT.name)
    rules.push(PII_READ_LIMIT);
  return rules;
}

function subjectOf(ctx: Context, rule: RateLimitRule): string {
  if (rule.by !== 'ip') {
    try {
      const principal = principalOf(ctx);
      return `${principal.kind}:${principal.id}`;
    } catch {
      // Anonymous (a @Public route): fall back to the client address.
    }
  }
  return `ip:${ctx.ip}`;
}

/** Counts one hit; throws RATE_LIMITED (and sets Retry-After) once the rule's budget is spent. */
export async function consumeRateLimit(infra: Infra, ctx: Context, rule: RateLimitRule): Promise<void> {
  const { limited, resetInSec } = await infra.rateLimiter(rule).consume(subjectOf(ctx, rule));
  if (limited) {
    ctx.set('Retry-After', String(Math.max(1, resetInSec)));
    throw new AppError('RATE_LIMITED');
  }
}

/** Enforces @RateLimit and the PII read budget; registered after AuthGuard so the principal is known. */
@Guard()
export class RateLimitGuard implements IGuard<Context> {
  @Inject()
  private infraService!: InfraService;

  async canActivate(ctx: Context, controller: new (...args: never[]) => unknown, method: string): Promise<boolean> {
    for (const rule of rateLimitsOf(controller, method)) await consumeRateLimit(this.infraService.infra, ctx, rule);
    return true;
  }
}

/** The same limit as koa middleware, for routes that are not controller methods. */
export function rateLimitMiddleware(infra: () => Infra, rule: RateLimitRule) {
  return async (ctx: Context, next: NextFunction): Promise<void> => {
    await consumeRateLimit(infra(), ctx, rule);
    await next();
  };
}
