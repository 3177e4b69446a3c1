import { Guard, Inject, IGuard } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { AppError } from '../errors/app-error';
import { AccessTokenService } from './access-token.service';
import { SessionService } from './session.service';
import { setPrincipal } from './principal';
import { hasPermission } from '@zhili/shared';
import { isPublicRoute, requiredKind } from './public.decorator';
import { requiredPermission } from './require-permission.decorator';

/**
 * Global guard: every route needs a valid access token unless marked @Public(); a controller marked
 * @ForPrincipal('staff') refuses mini-program tokens (403) and vice versa; @RequirePermission(p)
 * refuses principals whose roles and grants lack `p` (403).
 */
@Guard()
export class AuthGuard implements IGuard<Context> {
  @Inject()
  private tokens!: AccessTokenService;

  @Inject()
  private sessions!: SessionService;

  async canActivate(ctx: Context, controller: new (...args: never[]) => unknown, method: string): Promise<boolean> {
    if (isPublicRoute(controller, method)) return true;
    const token = AccessTokenService.fromHeader(ctx.get('Authorization'));
    if (!token) throw new AppError('AUTH_REQUIRED');
    const principal = this.tokens.verify(token);
    if (await this.sessions.isRevoked(principal.kind, principal.id, principal.issuedAt)) {
      throw new AppError('AUTH_TOKEN_INVALID');
    }
    const kind = requiredKind(controller);
    if (kind && principal.kind !== kind) throw new AppError('FORBIDDEN');
    const permission = requiredPermission(controller, method);
    if (permission && !hasPermission(principal.roles, permission, principal.grants)) throw new AppError('FORBIDDEN');
    setPrincipal(ctx, principal);
    return true;
  }
}
