import { requestSimulatorCode } from '../../services/dev-login';

/**
 * h5 stand-in for WeChat's phone button: asks the WeChat simulator (POST /__dev/phone-code) for a
 * code, as the dev login does for wx.login. Only in builds with ZHILI_DEV_LOGIN; otherwise the
 * minifier drops all of it. The number is `localStorage['zhili.dev.phone']`, default 13800138000.
 */
export const devPhoneCodeAvailable: boolean = ZHILI_DEV_LOGIN;

/** localStorage key to choose the simulated number (e2e tests set it). */
export const DEV_PHONE_KEY = 'zhili.dev.phone';
const DEFAULT_DEV_PHONE = '13800138000';

export async function devPhoneCode(): Promise<string> {
  if (!ZHILI_DEV_LOGIN) throw new Error('dev phone codes need the h5 test build');
  const phoneNumber = window.localStorage.getItem(DEV_PHONE_KEY) || DEFAULT_DEV_PHONE;
  return requestSimulatorCode('/__dev/phone-code', { phoneNumber }, '微信模拟器未返回手机号授权');
}
