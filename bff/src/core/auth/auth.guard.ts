import { Guard, Inject, IGuard } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { AppError } from '../errors/app-error';
import { AccessTokenService } from './access-token.service';
import { MfaTokenService } from './mfa-token.service';
import { SessionService } from './session.service';
import { setPrincipal } from './principal';
import { MfaChallenge, setMfaChallenge } from './mfa-challenge';
import { hasPermission } from '@zhili/shared';
import { isPublicRoute, requiredKind } from './public.decorator';
import { requiredPermission, requiredRole } from './require-permission.decorator';
import { acceptsMfaToken, allowedDuringPasswordChange } from './auth-flow.decorator';
import { AuditService } from '../audit';
import { clientInfo } from '../http/client-info';

/**
 * Global guard: every route needs a valid access token unless marked @Public(); a controller marked
 * @ForPrincipal('staff') refuses mini-program tokens (403) and vice versa; @RequirePermission(p)
 * refuses principals whose roles and grants lack `p` (403, audited as denied); @RequireRole(r) on a
 * controller refuses tokens without role `r` (403, audited as denied).
 *
 * Staff identity policy (#3):
 * - a token whose session was ended (revokeAllFor: disable, role change, password change, log out
 *   everywhere; or a logout of that very session) is refused at once;
 * - a staff token carrying `pwc` (password change required: first login, reset, expiry — decided
 *   when the token was issued, re-decided at every refresh) only reaches routes marked
 *   @AllowDuringPasswordChange() (profile and /api/admin/auth/*); anything else is 403
 *   AUTH_PASSWORD_CHANGE_REQUIRED. Changing the password hands out fresh tokens without `pwc`;
 * - routes marked @AcceptMfaToken() also take a login's mfaToken (set as an MfaChallenge, never as a
 *   Principal), which no other route accepts.
 */
@Guard()
export class AuthGuard implements IGuard<Context> {
  @Inject()
  private tokens!: AccessTokenService;

  @Inject()
  private mfaTokens!: MfaTokenService;

  @Inject()
  private sessions!: SessionService;

  @Inject()
  private audit!: AuditService;

  async canActivate(ctx: Context, controller: new (...args: never[]) => unknown, method: string): Promise<boolean> {
    if (isPublicRoute(controller, method)) return true;
    const token = AccessTokenService.fromHeader(ctx.get('Authorization'));
    if (!token) throw new AppError('AUTH_REQUIRED');
    if (acceptsMfaToken(controller, method) && (await this.acceptedAsMfaToken(ctx, token))) return true;
    const principal = this.tokens.verify(token);
    if (await this.sessions.isPrincipalRevoked(principal)) throw new AppError('AUTH_TOKEN_INVALID');
    const kind = requiredKind(controller);
    if (kind && principal.kind !== kind) throw new AppError('FORBIDDEN');
    if (
      principal.kind === 'staff' &&
      principal.passwordChangeRequired &&
      !allowedDuringPasswordChange(controller, method)
    ) {
      throw new AppError('AUTH_PASSWORD_CHANGE_REQUIRED');
    }
    const role = requiredRole(controller);
    if (role && !principal.roles.includes(role)) {
      await this.audit.record({
        actor: principal,
        client: clientInfo(ctx),
        action: 'access.denied',
        resourceType: 'route',
        resourceId: `${ctx.method} ${ctx.path}`.slice(0, 64),
        result: 'denied',
        detail: { role },
      });
      throw new AppError('FORBIDDEN');
    }
    const permission = requiredPermission(controller, method);
    if (permission && !hasPermission(principal.roles, permission, principal.grants)) {
      // Refused attempts are evidence too (等保: audit failures, not only successes); a refused PII
      // read is recorded under the same action as a granted one so the viewer shows both.
      await this.audit.record({
        actor: principal,
        client: clientInfo(ctx),
        action: permission === 'person:pii:read' ? 'pii.read' : 'access.denied',
        resourceType: 'route',
        resourceId: `${ctx.method} ${ctx.path}`.slice(0, 64),
        result: 'denied',
        detail: { permission },
      });
      throw new AppError('FORBIDDEN');
    }
    setPrincipal(ctx, principal);
    return true;
  }

  /** True when `token` is a live mfaToken; false lets the caller treat it as an access token. */
  private async acceptedAsMfaToken(ctx: Context, token: string): Promise<boolean> {
    const challenge = this.tryMfaToken(token);
    if (!challenge) return false;
    if (await this.sessions.isRevoked('staff', challenge.userId, challenge.issuedAt))
      throw new AppError('AUTH_TOKEN_INVALID');
    setMfaChallenge(ctx, challenge);
    return true;
  }

  private tryMfaToken(token: string): MfaChallenge | null {
    try {
      return this.mfaTokens.verify(token);
    } catch {
      return null;
    }
  }
}
