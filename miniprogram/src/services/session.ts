import Taro from '@tarojs/taro';
import type { TokenPair } from '@zhili/shared/client';
import { isDisplayPreferenceKey } from '../utils/a11y/elder-preference';

/** Tokens of the signed-in user, kept in WeChat storage (localStorage in h5). */
export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds when the access token expires. */
  accessExpiresAt: number;
}

const SESSION_KEY = 'zhili.session';
/** Set by 退出登录 so the app does not sign the user straight back in. */
const LOGGED_OUT_KEY = 'zhili.loggedOut';

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.accessToken === 'string' && typeof v.refreshToken === 'string' && typeof v.accessExpiresAt === 'number'
  );
}

export function getSession(): Session | null {
  try {
    const stored: unknown = Taro.getStorageSync(SESSION_KEY);
    return isSession(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function saveTokens(pair: TokenPair): Session {
  const session: Session = {
    accessToken: pair.accessToken,
    refreshToken: pair.refreshToken,
    accessExpiresAt: Date.now() + pair.expiresIn * 1000,
  };
  Taro.setStorageSync(SESSION_KEY, session);
  Taro.removeStorageSync(LOGGED_OUT_KEY);
  return session;
}

export function clearSession(): void {
  Taro.removeStorageSync(SESSION_KEY);
}

/**
 * Sign out: forget the tokens, drafts, outbox and cached data on the device and remember the
 * choice. Display preferences stay: they belong to the person, not the session — an elderly user
 * who signs out and back in must not find 长辈模式 gone (utils/a11y/elder-preference.ts).
 */
export function clearAllForLogout(): void {
  const kept = Taro.getStorageInfoSync()
    .keys.filter(isDisplayPreferenceKey)
    .map((key): [string, unknown] => [key, Taro.getStorageSync(key)]);
  Taro.clearStorageSync();
  for (const [key, value] of kept) Taro.setStorageSync(key, value);
  Taro.setStorageSync(LOGGED_OUT_KEY, true);
}

export function hasLoggedOut(): boolean {
  try {
    return Taro.getStorageSync(LOGGED_OUT_KEY) === true;
  } catch {
    return false;
  }
}
