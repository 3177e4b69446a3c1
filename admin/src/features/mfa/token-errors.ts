import { isApiRequestError } from '@/api/errors';

/** The short-lived `mfaToken` (5 min) is gone: the user has to sign in with the password again. */
export function isMfaTokenExpired(err: unknown): boolean {
  return (
    isApiRequestError(err) &&
    (err.code === 'AUTH_TOKEN_INVALID' || err.code === 'AUTH_TOKEN_EXPIRED' || err.code === 'AUTH_REQUIRED')
  );
}
