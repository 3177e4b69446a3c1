import Taro from '@tarojs/taro';
import { loginWithCode, type MpProfile } from './api';
import { setReloginHandler } from './request';
import { clearAllForLogout, getSession, hasLoggedOut, saveTokens } from './session';

/** Route of the h5-only dev login page (registered only when ZHILI_DEV_LOGIN). */
export const DEV_LOGIN_URL = '/pages/dev-login/index';

/** WeChat login: wx.login code → POST /api/mp/auth/login. */
async function wechatLogin(): Promise<MpProfile> {
  const { code } = await Taro.login();
  const result = await loginWithCode(code);
  saveTokens(result);
  return result.user;
}

function goToDevLogin(): void {
  if (ZHILI_DEV_LOGIN) {
    const pages = Taro.getCurrentPages();
    const current = pages[pages.length - 1]?.route ?? '';
    if (!current.includes('dev-login')) void Taro.navigateTo({ url: DEV_LOGIN_URL });
  }
}

/** Whether this build can sign in at all (weapp always; h5 only with the dev login). */
export function canLogin(): boolean {
  return process.env.TARO_ENV === 'weapp' || ZHILI_DEV_LOGIN;
}

/**
 * Interactive login, from a 登录 button: weapp signs in with WeChat, h5 opens the dev login page.
 * Resolves true when a session now exists.
 */
export async function loginInteractively(): Promise<boolean> {
  if (process.env.TARO_ENV === 'weapp') {
    await wechatLogin();
    return true;
  }
  goToDevLogin();
  return false;
}

/**
 * Make sure there is a session before calling authenticated APIs. In weapp it signs in silently
 * (wx.login needs no user action) unless the user chose 退出登录. Resolves false when the user
 * has to act first (always in h5: the page shows a login button leading to the dev login).
 */
export async function ensureSession(): Promise<boolean> {
  if (getSession()) return true;
  if (process.env.TARO_ENV === 'weapp' && !hasLoggedOut()) {
    await wechatLogin();
    return true;
  }
  return false;
}

/** 退出登录: forget tokens and cached data on the device. */
export function logout(): void {
  clearAllForLogout();
}

// When a session dies mid-use (refresh failed, token revoked), sign in again where that is silent.
setReloginHandler(async () => {
  if (process.env.TARO_ENV === 'weapp' && !hasLoggedOut()) {
    await wechatLogin();
    return true;
  }
  goToDevLogin();
  return false;
});
