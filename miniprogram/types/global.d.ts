/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.css';
/** Image assets resolve to a URL (a data URL when small enough to inline). */
declare module '*.svg' {
  const src: string;
  export default src;
}

/** Compile-time constants injected by config/constants.ts (webpack DefinePlugin). */
/** True only in an h5 build made with TARO_APP_DEV_LOGIN=1; never in weapp. */
declare const ZHILI_DEV_LOGIN: boolean;
/** BFF origin; '' (same origin) in h5. */
declare const ZHILI_API_BASE: string;
/** WeChat simulator origin for the h5 dev login; '' means `${protocol}//${hostname}:7002`. */
declare const ZHILI_WECHAT_SIM_URL: string;
/** Appid the simulator issues dev login codes for. */
declare const ZHILI_WECHAT_APPID: string;

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony' | 'jdrn';
    TARO_APP_DEV_LOGIN?: string;
    TARO_APP_API_BASE?: string;
    TARO_APP_WECHAT_SIM_URL?: string;
    TARO_APP_WECHAT_APPID?: string;
  }
}
