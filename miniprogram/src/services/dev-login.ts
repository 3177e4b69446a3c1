import Taro from '@tarojs/taro';
import { loginWithCode, type MpProfile } from './api';
import { AppError, ClientErrorCode, NETWORK_ERROR_MESSAGE } from './errors';
import { saveTokens } from './session';

/**
 * h5-only dev login against the WeChat simulator (scripts/sim/wechat). Imported only by
 * pages/dev-login, which exists only in builds with ZHILI_DEV_LOGIN, so none of this reaches weapp.
 */

export interface TestIdentity {
  identity: string;
  nickname: string;
  note: string;
}

export const testIdentities: TestIdentity[] = [
  { identity: 'zhangsan', nickname: '张三', note: '居民' },
  { identity: 'lisi', nickname: '李四', note: '党员' },
  { identity: 'wangwu', nickname: '王五', note: '网格员' },
];

/** localStorage key naming the simulator identity last signed in (the h5 subscribe stand-in needs it). */
export const DEV_IDENTITY_KEY = 'zhili.dev.identity';

/** localStorage key that points the dev login at a simulator on another port (e2e tests use it). */
export const SIM_URL_OVERRIDE_KEY = 'zhili.dev.simUrl';

/**
 * Simulator origin: a localStorage override, else TARO_APP_WECHAT_SIM_URL, else port 7002 on the
 * host serving this page (what `npm start` runs).
 */
export function simulatorBase(): string {
  const override = window.localStorage.getItem(SIM_URL_OVERRIDE_KEY);
  if (override) return override.replace(/\/+$/, '');
  if (ZHILI_WECHAT_SIM_URL) return ZHILI_WECHAT_SIM_URL.replace(/\/+$/, '');
  return `${window.location.protocol}//${window.location.hostname}:7002`;
}

/**
 * Asks one of the simulator's dev endpoints (`/__dev/login-code`, `/__dev/phone-code`) for a code,
 * with the demo appid added to `data`. `missing` is the message when the answer carries no code.
 */
export async function requestSimulatorCode(
  path: string,
  data: Record<string, string>,
  missing: string,
): Promise<string> {
  let res: Taro.request.SuccessCallbackResult<{ code?: unknown } | string>;
  try {
    res = await Taro.request<{ code?: unknown } | string>({
      url: `${simulatorBase()}${path}`,
      method: 'POST',
      data: { appid: ZHILI_WECHAT_APPID, ...data },
      header: { 'Content-Type': 'application/json' },
      dataType: 'json',
    });
  } catch {
    throw new AppError(ClientErrorCode.NETWORK, `${NETWORK_ERROR_MESSAGE}（微信模拟器未连接）`, 0);
  }
  const body = typeof res.data === 'object' && res.data !== null ? res.data : {};
  if (res.statusCode !== 200 || typeof body.code !== 'string') {
    throw new AppError(ClientErrorCode.BAD_RESPONSE, missing, res.statusCode);
  }
  return body.code;
}

function fetchLoginCode(identity: string): Promise<string> {
  return requestSimulatorCode('/__dev/login-code', { identity }, '微信模拟器未返回登录凭证');
}

/** Get a code for the identity from the simulator, then sign in to the BFF with it. */
export async function devLogin(identity: string, nickname?: string): Promise<MpProfile> {
  const code = await fetchLoginCode(identity);
  const result = await loginWithCode(code, nickname);
  saveTokens(result);
  window.localStorage.setItem(DEV_IDENTITY_KEY, identity);
  return result.user;
}
