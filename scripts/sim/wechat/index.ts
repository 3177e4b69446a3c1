// Public API of the WeChat server-API simulator.
export { startWechatSim } from './server';
export { simOpenid, simUnionid, OPENID_LENGTH } from './identity';
export { WxErr } from './errors';
export { WX_PATHS } from './paths';
export { CODE_TTL_MS } from './codes';
export {
  TOKEN_TTL_MS,
  STABLE_EARLY_RENEW_MS,
  LEGACY_OVERLAP_MS,
  FORCE_REFRESH_DAILY_LIMIT,
  FORCE_REFRESH_MIN_INTERVAL_MS,
  GET_TOKEN_DAILY_LIMIT,
} from './tokens';
export type { SimApp, WechatSim, WechatSimOptions, RequestLogEntry } from './types';
