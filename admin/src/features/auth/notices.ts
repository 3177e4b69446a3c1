import { errorMessages } from '@zhili/shared';

export type NoticeType = 'success' | 'info' | 'warning';

export interface LoginNotice {
  type: NoticeType;
  text: string;
}

/** Why the user landed on the login page (`?notice=` from the app, `?reason=` from the client). */
const notices: Record<string, LoginNotice> = {
  'password-changed': { type: 'success', text: '密码已修改，请使用新密码重新登录' },
  'logout-all': { type: 'success', text: '已退出所有设备上的登录，请重新登录' },
  'signed-out': { type: 'info', text: '您已安全退出' },
  AUTH_SESSION_IDLE: { type: 'warning', text: errorMessages.AUTH_SESSION_IDLE },
  AUTH_TOKEN_INVALID: { type: 'warning', text: '登录状态已失效（可能已在其他设备退出或账号权限变更），请重新登录' },
  AUTH_TOKEN_EXPIRED: { type: 'warning', text: '登录已过期，请重新登录' },
  AUTH_ACCOUNT_DISABLED: { type: 'warning', text: errorMessages.AUTH_ACCOUNT_DISABLED },
  AUTH_MFA_ENROLL_REQUIRED: { type: 'warning', text: '您的角色要求启用双因素认证，请重新登录并完成绑定' },
};

export function loginNotice(key: unknown): LoginNotice | null {
  return typeof key === 'string' ? (notices[key] ?? null) : null;
}
