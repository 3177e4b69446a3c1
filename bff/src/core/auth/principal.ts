import type { Context } from '@midwayjs/koa';
import type { Permission, Role } from '@zhili/shared';
import { AppError } from '../errors/app-error';

/** Which front door a token belongs to: the mini-program or the admin portal. */
export type PrincipalKind = 'mp' | 'staff';

/** The authenticated caller, passed explicitly to services (they never read the request context). */
export interface Principal {
  kind: PrincipalKind;
  id: string;
  roles: Role[];
  /** Permissions granted on top of the roles (e.g. `person:pii:read` for a super admin). */
  grants?: Permission[];
  /** Staff only: materialized path of the region they are bound to (their data scope). */
  scopePath?: string | null;
  /**
   * Staff only: the password must be changed (first login, reset, expiry). Carried in the access
   * token (`pwc`), so the guard can refuse other routes without a database read per request.
   */
  passwordChangeRequired?: boolean;
  /** The refresh-token family (login session) the access token belongs to, for logout. */
  sessionId?: string;
  /** Milliseconds since epoch at which the access token was issued (set when read from a token). */
  issuedAt?: number;
  /** Milliseconds since epoch at which the access token expires (set when read from a token). */
  expiresAt?: number;
}

const PRINCIPAL = Symbol('principal');

export function setPrincipal(ctx: Context, principal: Principal): void {
  (ctx as unknown as Record<symbol, Principal>)[PRINCIPAL] = principal;
}

/** The caller of an authenticated route; the auth guard guarantees it is set. */
export function principalOf(ctx: Context): Principal {
  const principal = (ctx as unknown as Record<symbol, Principal | undefined>)[PRINCIPAL];
  if (!principal) throw new AppError('AUTH_REQUIRED');
  return principal;
}
