import { staffAuthRoutes, staffSecurityRoutes } from '@zhili/shared';
import type {
  CaptchaVO,
  ClientInput,
  MfaSetupVO,
  PasswordChangeVO,
  StaffLoginVO,
  StaffProfileVO,
  StaffSessionVO,
} from '@zhili/shared';
import { api } from './contract-client';

/** `GET /api/admin/me` — a staff member of the admin portal. */
export type StaffProfile = StaffProfileVO;
export type StaffSession = StaffSessionVO;
/** Login answer: either a session, or the second factor is needed (enrolled or not yet). */
export type StaffLoginResult = StaffLoginVO;
export type LoginPayload = ClientInput<typeof staffAuthRoutes.login>['body'];
export type Captcha = CaptchaVO;
export type MfaSetup = MfaSetupVO;

/**
 * Second factor: a 6-digit TOTP code or a one-time recovery code. Empty right after enrolling with
 * the same `mfaToken`: the enrolment code already proved the factor (the BFF completes the login).
 */
export type MfaProof = { code: string } | { recoveryCode: string } | Record<string, never>;

/** `POST /api/admin/auth/password`: `ok` and a fresh token pair (the current session continues with it). */
export type PasswordChangeResult = PasswordChangeVO;

/** Login-flow calls render their errors themselves (`silent`). */
export const authApi = {
  /** 401 `AUTH_INVALID_CREDENTIALS` / `AUTH_CAPTCHA_*`, 423 `AUTH_ACCOUNT_LOCKED`, 403 `AUTH_ACCOUNT_DISABLED`. */
  login: (payload: LoginPayload) => api(staffAuthRoutes.login, { body: payload }, { auth: false, silent: true }),
  captcha: () => api(staffAuthRoutes.captcha, {}, { auth: false, silent: true }),
  /** Completes a login with the second factor (the `mfaToken` goes in the body). */
  verifyMfa: (mfaToken: string, proof: MfaProof) =>
    api(staffAuthRoutes.mfa, { body: { mfaToken, ...proof } }, { auth: false, silent: true }),
  me: () => api(staffAuthRoutes.me, {}),

  /** Starts (or restarts) enrolment; with `mfaToken` during the first login, else the session. */
  mfaSetup: (mfaToken?: string) =>
    api(staffSecurityRoutes.beginMfaSetup, {}, { silent: true, ...(mfaToken ? { token: mfaToken } : {}) }),
  confirmMfaSetup: (code: string, mfaToken?: string) =>
    api(
      staffSecurityRoutes.confirmMfaSetup,
      { body: { code } },
      { silent: true, ...(mfaToken ? { token: mfaToken } : {}) },
    ),
  /** 403 for roles that require MFA. */
  disableMfa: (code: string) => api(staffSecurityRoutes.disableMfa, { body: { code } }, { silent: true }),

  changePassword: (currentPassword: string, newPassword: string) =>
    api(staffSecurityRoutes.changePassword, { body: { currentPassword, newPassword } }, { silent: true }),
  /**
   * Best effort: revokes this session's refresh token. The access token goes along explicitly, so a
   * dead session does not trigger the client's session-expiry handling while signing out.
   */
  logout: (refreshToken: string, accessToken: string | null) =>
    api(
      staffSecurityRoutes.logout,
      { body: { refreshToken } },
      accessToken
        ? { silent: true, timeoutMs: 5_000, token: accessToken }
        : { silent: true, timeoutMs: 5_000, auth: false },
    ),
  logoutAll: () => api(staffSecurityRoutes.logoutAll, {}, { silent: true }),
};
