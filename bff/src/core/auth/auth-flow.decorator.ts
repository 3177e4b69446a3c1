import { getClassMetadata, getPropertyMetadata, saveClassMetadata, savePropertyMetadata } from '@midwayjs/core';

const ALLOW_PWC_KEY = 'zhili:auth:allow-password-change';
const MFA_TOKEN_KEY = 'zhili:auth:accept-mfa-token';

/**
 * Routes (or controllers) a staff member may use while their password must be changed: the profile
 * and the auth routes. Every other staff route answers 403 AUTH_PASSWORD_CHANGE_REQUIRED, so new
 * controllers are covered without doing anything (default deny, like @Public).
 */
export function AllowDuringPasswordChange(): MethodDecorator & ClassDecorator {
  return ((target: object, propertyKey?: string | symbol) => {
    if (propertyKey === undefined) saveClassMetadata(ALLOW_PWC_KEY, true, target);
    else savePropertyMetadata(ALLOW_PWC_KEY, true, target, propertyKey);
  }) as MethodDecorator & ClassDecorator;
}

export function allowedDuringPasswordChange(controller: object, method: string): boolean {
  return Boolean(getClassMetadata(ALLOW_PWC_KEY, controller) || getPropertyMetadata(ALLOW_PWC_KEY, controller, method));
}

/**
 * The route also accepts `Authorization: Bearer <mfaToken>` (a login waiting for its second factor,
 * e.g. to enrol TOTP). The guard then sets an MfaChallenge instead of a Principal; the handler reads
 * whichever is present. Only the MFA enrolment routes carry this.
 */
export function AcceptMfaToken(): MethodDecorator {
  return (target, propertyKey) => savePropertyMetadata(MFA_TOKEN_KEY, true, target, propertyKey);
}

export function acceptsMfaToken(controller: object, method: string): boolean {
  return Boolean(getPropertyMetadata(MFA_TOKEN_KEY, controller, method));
}
