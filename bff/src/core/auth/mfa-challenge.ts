import type { Context } from '@midwayjs/koa';
import { AppError } from '../errors/app-error';

/**
 * A staff member between the password and the second factor of a login: they hold a short-lived
 * `mfaToken` (MfaTokenService), accepted only by routes marked @AcceptMfaToken() and by
 * POST /api/admin/auth/mfa. It is never a Principal: no other route can see it.
 */
export interface MfaChallenge {
  userId: string;
  /** Token id: single use of the token and "enrolled with this token" are keyed by it. */
  jti: string;
  /** Milliseconds since epoch at which the token was issued (revocation check). */
  issuedAt: number;
}

const CHALLENGE = Symbol('mfaChallenge');

export function setMfaChallenge(ctx: Context, challenge: MfaChallenge): void {
  (ctx as unknown as Record<symbol, MfaChallenge>)[CHALLENGE] = challenge;
}

export function mfaChallengeOf(ctx: Context): MfaChallenge | undefined {
  return (ctx as unknown as Record<symbol, MfaChallenge | undefined>)[CHALLENGE];
}

/** Either the signed-in staff member or the holder of an mfaToken, whoever called the route. */
export function requireMfaChallenge(ctx: Context): MfaChallenge {
  const challenge = mfaChallengeOf(ctx);
  if (!challenge) throw new AppError('AUTH_REQUIRED');
  return challenge;
}
