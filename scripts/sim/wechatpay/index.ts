// Public API of the WeChat Pay APIv3 simulator.
export { startWechatPaySim } from './server';
export {
  AUTH_SCHEMA,
  buildAuthorization,
  decryptResource,
  encryptResource,
  parseAuthorization,
  requestMessage,
  responseMessage,
  rsaSign,
  rsaVerify,
  signedHeaders,
} from './crypto';
export { generateMerchantCredentials, randomApiV3Key, certInfo } from './keys';
export type { MerchantCredentials } from './keys';
export { RETRY_SCHEDULE_MS } from './notify';
export { PROBE_KINDS, STALE_SECONDS } from './probes';
export type { ProbeKind } from './probes';
export { PREPAY_TTL_MS } from './routes-pay';
export { paySignMessage } from './route-request-payment';
export { FEE_RATE } from './bill';
export { PayErr } from './errors';
export type {
  KeyMode,
  NotificationRecord,
  PlatformKey,
  RequestLogEntry,
  SimMerchant,
  SimOrder,
  SimRefund,
  WechatPaySim,
  WechatPaySimOptions,
} from './types';
