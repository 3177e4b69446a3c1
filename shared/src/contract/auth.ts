import { limits } from '../domain/limits';
import { Permission } from '../domain/permissions';
import { Role } from '../domain/roles';
import { defineRoute } from './define';
import { tokenPairSchema } from './mp-user';
import { z } from './zod';

const LOGIN_TAG = '管理端 · 登录';
const SECURITY_TAG = '管理端 · 账号安全';

/** The signed-in staff member as the portal sees it (menus, forced password change, MFA state). */
export const staffProfileSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(Role)),
  /** First login or reset by an administrator: the password must be changed first. */
  mustChangePassword: z.boolean(),
  /** The password is older than the policy allows: it must be changed first. */
  passwordExpired: z.boolean(),
  /** Two-factor authentication (TOTP) is bound. */
  mfaEnabled: z.boolean(),
  /** One of the roles requires MFA (it cannot be disabled). */
  mfaRequired: z.boolean(),
  regionId: z.string().nullable(),
  regionName: z.string().nullable(),
  /** Effective permissions (roles + explicit grants); drive menus and route access. */
  permissions: z.array(z.enum(Permission)),
});
export type StaffProfileVO = z.infer<typeof staffProfileSchema>;

/** A complete login: tokens and profile. */
export const staffSessionSchema = tokenPairSchema.extend({ user: staffProfileSchema });
export type StaffSessionVO = z.infer<typeof staffSessionSchema>;

/** Step one answered: the second factor is needed (`mfaEnrolled: false` = bind an authenticator first). */
export const staffMfaChallengeSchema = z.object({
  mfaRequired: z.literal(true),
  /** Valid 5 minutes, only for /api/admin/auth/mfa and /api/admin/auth/mfa/setup. */
  mfaToken: z.string(),
  mfaEnrolled: z.boolean(),
});

/** Either a session (`mfaRequired: false`) or the second factor is needed (`mfaRequired: true`). */
export const staffLoginSchema = z.discriminatedUnion('mfaRequired', [
  staffSessionSchema.extend({ mfaRequired: z.literal(false) }),
  staffMfaChallengeSchema,
]);
export type StaffLoginVO = z.infer<typeof staffLoginSchema>;

export const captchaSchema = z.object({
  captchaId: z.string(),
  /** PNG data URL (data:image/png;base64,…; one use, valid 5 minutes). */
  image: z.string(),
});
export type CaptchaVO = z.infer<typeof captchaSchema>;

export const mfaSetupSchema = z.object({
  /** Base32 secret (typed in by hand when the QR code cannot be scanned). */
  secret: z.string(),
  otpauthUrl: z.string(),
  /** QR code (data:image/png;base64,…). */
  qrDataUrl: z.string(),
});
export type MfaSetupVO = z.infer<typeof mfaSetupSchema>;

export const recoveryCodesSchema = z.object({
  /** One-time recovery codes, shown this once. */
  recoveryCodes: z.array(z.string()),
});
export type RecoveryCodesVO = z.infer<typeof recoveryCodesSchema>;

const okSchema = z.object({ ok: z.literal(true) });
export type OkVO = z.infer<typeof okSchema>;

/** `ok` plus a fresh token pair: every earlier session (this one included) was ended. */
export const passwordChangeSchema = tokenPairSchema.extend({ ok: z.literal(true) });
export type PasswordChangeVO = z.infer<typeof passwordChangeSchema>;

const refreshToken = z.string().min(limits.refreshToken.min).max(limits.refreshToken.max);
const password = z.string().min(1).max(limits.password.max);
const totpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/);

export const staffLoginBodySchema = z.strictObject({
  username: z.string().trim().min(1).max(limits.username.max),
  password,
  /** captchaId from GET /api/admin/auth/captcha (required after repeated failures); empty = absent. */
  captchaId: z.union([z.literal(''), z.guid()]).optional(),
  /** The characters on the captcha (case-insensitive); empty = absent. */
  captchaText: z.string().trim().max(16).optional(),
  /**
   * The authenticator's current 6-digit code, for accounts with two-factor authentication: it
   * stands in for the image captcha (for whoever cannot read it) and completes the login in this one
   * step. Wrong password or wrong code get the same answer and count as one failed login.
   */
  totpCode: totpCode.optional(),
});
export type StaffLoginInput = z.output<typeof staffLoginBodySchema>;

export const staffMfaLoginBodySchema = z.strictObject({
  /** The mfaToken of login step one. */
  mfaToken: z.string().min(16).max(2048),
  /** The 6-digit code of the authenticator. */
  code: totpCode.optional(),
  /** A one-time recovery code (authenticator lost). */
  recoveryCode: z.string().trim().min(8).max(32).optional(),
});
export type StaffMfaLoginInput = z.output<typeof staffMfaLoginBodySchema>;

export const staffAuthRoutes = {
  captcha: defineRoute({
    method: 'GET',
    path: '/api/admin/auth/captcha',
    summary: '图形验证码（一次性，5 分钟内有效）',
    tag: LOGIN_TAG,
    audience: 'public',
    response: captchaSchema,
  }),
  login: defineRoute({
    method: 'POST',
    path: '/api/admin/auth/login',
    summary: '工作人员用户名密码登录（需要时返回 mfaToken 进行第二步验证）',
    tag: LOGIN_TAG,
    audience: 'public',
    body: staffLoginBodySchema,
    response: staffLoginSchema,
  }),
  mfa: defineRoute({
    method: 'POST',
    path: '/api/admin/auth/mfa',
    summary: '登录第二步：动态验证码或恢复码（刚完成绑定时可不填）',
    tag: LOGIN_TAG,
    audience: 'public',
    body: staffMfaLoginBodySchema,
    response: staffSessionSchema,
  }),
  refresh: defineRoute({
    method: 'POST',
    path: '/api/admin/auth/refresh',
    summary: '刷新令牌（长时间未使用将失效：AUTH_SESSION_IDLE）',
    tag: LOGIN_TAG,
    audience: 'public',
    body: z.strictObject({ refreshToken }),
    response: tokenPairSchema,
  }),
  me: defineRoute({
    method: 'GET',
    path: '/api/admin/me',
    summary: '当前工作人员资料',
    tag: LOGIN_TAG,
    audience: 'staff',
    response: staffProfileSchema,
  }),
};

export const staffSecurityRoutes = {
  changePassword: defineRoute({
    method: 'POST',
    path: '/api/admin/auth/password',
    summary: '修改密码（结束全部会话并返回新的令牌）',
    tag: SECURITY_TAG,
    audience: 'staff',
    // Only the length is bounded here: the policy (with its Chinese reasons) is checked by the service.
    body: z.strictObject({ currentPassword: password, newPassword: password }),
    response: passwordChangeSchema,
  }),
  beginMfaSetup: defineRoute({
    method: 'GET',
    path: '/api/admin/auth/mfa/setup',
    summary: '开始绑定身份验证器（登录中可用 mfaToken 作为 Bearer）',
    tag: SECURITY_TAG,
    audience: 'staff',
    response: mfaSetupSchema,
  }),
  confirmMfaSetup: defineRoute({
    method: 'POST',
    path: '/api/admin/auth/mfa/setup',
    summary: '用动态验证码确认绑定，返回一次性恢复码（仅显示一次）',
    tag: SECURITY_TAG,
    audience: 'staff',
    body: z.strictObject({ code: totpCode }),
    response: recoveryCodesSchema,
  }),
  disableMfa: defineRoute({
    method: 'DELETE',
    path: '/api/admin/auth/mfa',
    summary: '关闭双因素认证（角色要求时不可关闭）',
    tag: SECURITY_TAG,
    audience: 'staff',
    body: z.strictObject({ code: totpCode }),
    response: okSchema,
  }),
  logout: defineRoute({
    method: 'POST',
    path: '/api/admin/auth/logout',
    summary: '退出登录（结束本会话）',
    tag: SECURITY_TAG,
    audience: 'staff',
    body: z.strictObject({ refreshToken }),
    response: okSchema,
  }),
  logoutAll: defineRoute({
    method: 'POST',
    path: '/api/admin/auth/logout-all',
    summary: '退出全部设备',
    tag: SECURITY_TAG,
    audience: 'staff',
    response: okSchema,
  }),
};
