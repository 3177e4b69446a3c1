import Taro from '@tarojs/taro';
import type { SystemFontInfo } from './scale';

/** What getAppBaseInfo reports about fonts (WeChat documents both; Taro's types lack them). */
type AppBaseFontInfo = Taro.getAppBaseInfo.Result & SystemFontInfo;

/**
 * weapp: WeChat's font-size setting. getAppBaseInfo (base library ≥ 2.20.1) reports
 * fontSizeScaleFactor; older clients only have getSystemInfoSync's fontSizeSetting (px).
 * Taro resolves system-font.h5.ts instead of this file in h5 builds.
 */
export function readSystemFont(): SystemFontInfo {
  try {
    if (typeof Taro.getAppBaseInfo === 'function') {
      const info = Taro.getAppBaseInfo() as AppBaseFontInfo;
      if (info.fontSizeScaleFactor || info.fontSizeSetting) {
        return { fontSizeScaleFactor: info.fontSizeScaleFactor, fontSizeSetting: info.fontSizeSetting };
      }
    }
    return { fontSizeSetting: Taro.getSystemInfoSync().fontSizeSetting };
  } catch {
    return {};
  }
}
