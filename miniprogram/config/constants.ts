/**
 * Compile-time constants (webpack DefinePlugin). Taro only inlines TARO_APP_* variables read from
 * .env files, not from the shell, so the ones we honour from the environment are passed explicitly.
 */

/** Default simulator appid; the WeChat simulator accepts any appid it is configured with. */
const DEFAULT_WECHAT_APPID = 'wx0000000000000001';
const DEFAULT_WEAPP_API_BASE = 'http://127.0.0.1:7001';

export function isH5Build(): boolean {
  return process.env.TARO_ENV === 'h5';
}

/**
 * The dev login (test identities from the WeChat simulator) exists only in an h5 build made with
 * TARO_APP_DEV_LOGIN=1. A weapp build never gets it, whatever the environment says.
 */
export function devLoginEnabled(): boolean {
  return isH5Build() && process.env.TARO_APP_DEV_LOGIN === '1';
}

export function buildConstants(): Record<string, string> {
  const h5 = isH5Build();
  return {
    ZHILI_DEV_LOGIN: JSON.stringify(devLoginEnabled()),
    // h5 is served by the BFF itself (/h5/), so API calls stay same-origin.
    ZHILI_API_BASE: JSON.stringify(h5 ? '' : process.env.TARO_APP_API_BASE || DEFAULT_WEAPP_API_BASE),
    ZHILI_WECHAT_SIM_URL: JSON.stringify(process.env.TARO_APP_WECHAT_SIM_URL || ''),
    ZHILI_WECHAT_APPID: JSON.stringify(process.env.TARO_APP_WECHAT_APPID || DEFAULT_WECHAT_APPID),
  };
}
