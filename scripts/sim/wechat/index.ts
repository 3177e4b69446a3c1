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
export {
  TEXT_RISKY_MARKER,
  TEXT_REVIEW_MARKER,
  MEDIA_RISKY_MARKER,
  MEDIA_REVIEW_MARKER,
  WxLabel,
} from './content-verdict';
export { SIM_TEMPLATES } from './subscribe';
export { encryptPush, decryptPush, signPush, wxSignature, generateEncodingAesKey } from './push-crypto';
export { generatePushSecrets, connectPushToBff, BFF_PUSH_PATH } from './push-secrets';
export type { PushSecrets } from './push-secrets';
export type {
  Availability,
  MediaCheckRecord,
  PushTarget,
  SentSubscribeMessage,
  SimApp,
  Suggest,
  WechatSim,
  WechatSimOptions,
  RequestLogEntry,
} from './types';
