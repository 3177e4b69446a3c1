import type { Permission, Role, TokenPair } from '@zhili/shared';
import { http } from './http';

/** `GET /api/admin/me` — a staff member of the admin portal (issue #3 fields included). */
export interface StaffProfile {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  /** First login or password reset by an administrator: the password must be changed. */
  mustChangePassword?: boolean;
  /** The password is older than the policy allows: it must be changed. */
  passwordExpired?: boolean;
  mfaEnabled?: boolean;
  /** One of the roles requires two-factor authentication (it cannot be disabled). */
  mfaRequired?: boolean;
  regionId?: string | null;
  regionName?: string | null;
  /** Effective permissions (roles + explicit grants); drives menus and route access. */
  permissions?: Permission[];
}

export interface StaffSession extends TokenPair {
  user: StaffProfile;
}

/** Login answer: either a session, or the second factor is needed (enrolled or not yet). */
export type StaffLoginResult =
  | (StaffSession & { mfaRequired: false })
  | { mfaRequired: true; mfaToken: string; mfaEnrolled: boolean };

export interface LoginPayload {
  username: string;
  password: string;
  captchaId?: string;
  captchaText?: string;
}

export interface Captcha {
  captchaId: string;
  /** The captcha as a PNG data URL (`data:image/png;base64,…`). */
  image: string;
}

export interface MfaSetup {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

/**
 * Second factor: a 6-digit TOTP code or a one-time recovery code. Empty right after enrolling with
 * the same `mfaToken`: the enrolment code already proved the factor (the BFF completes the login).
 */
export type MfaProof = { code: string } | { recoveryCode: string } | Record<string, never>;

/**
 * `POST /api/admin/auth/password`. The contract answers `{ ok: true }`; a BFF may also hand back a
 * fresh token pair (the current session then continues with it).
 */
export type PasswordChangeResult = { ok: true } & Partial<TokenPair>;

export interface OkResult {
  ok: true;
}

/** Login-flow calls render their errors themselves (`silent`). */
export const authApi = {
  /** 401 `AUTH_INVALID_CREDENTIALS` / `AUTH_CAPTCHA_*`, 423 `AUTH_ACCOUNT_LOCKED`, 403 `AUTH_ACCOUNT_DISABLED`. */
  login: (payload: LoginPayload) =>
    http.post<StaffLoginResult>('/api/admin/auth/login', payload, { auth: false, silent: true }),
  captcha: () => http.get<Captcha>('/api/admin/auth/captcha', { auth: false, silent: true }),
  /** Completes a login with the second factor (the `mfaToken` goes in the body). */
  verifyMfa: (mfaToken: string, proof: MfaProof) =>
    http.post<StaffSession>('/api/admin/auth/mfa', { mfaToken, ...proof }, { auth: false, silent: true }),
  me: () => http.get<StaffProfile>('/api/admin/me'),

  /** Starts (or restarts) enrolment; with `mfaToken` during the first login, else the session. */
  mfaSetup: (mfaToken?: string) =>
    http.get<MfaSetup>('/api/admin/auth/mfa/setup', { silent: true, ...(mfaToken ? { token: mfaToken } : {}) }),
  confirmMfaSetup: (code: string, mfaToken?: string) =>
    http.post<{ recoveryCodes: string[] }>(
      '/api/admin/auth/mfa/setup',
      { code },
      { silent: true, ...(mfaToken ? { token: mfaToken } : {}) },
    ),
  /** 403 for roles that require MFA. */
  disableMfa: (code: string) => http.delete<OkResult>('/api/admin/auth/mfa', { code }, { silent: true }),

  changePassword: (currentPassword: string, newPassword: string) =>
    http.post<PasswordChangeResult>(
      '/api/admin/auth/password',
      { currentPassword, newPassword },
      { silent: true },
    ),
  /**
   * Best effort: revokes this session's refresh token. The access token goes along explicitly, so a
   * dead session does not trigger the client's session-expiry handling while signing out.
   */
  logout: (refreshToken: string, accessToken: string | null) =>
    http.post<OkResult>(
      '/api/admin/auth/logout',
      { refreshToken },
      accessToken ? { silent: true, timeoutMs: 5_000, token: accessToken } : { silent: true, timeoutMs: 5_000, auth: false },
    ),
  logoutAll: () => http.post<OkResult>('/api/admin/auth/logout-all', {}, { silent: true }),
};
