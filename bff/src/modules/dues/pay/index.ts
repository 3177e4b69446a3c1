// WeChat Pay v3 for party dues (#16): client, signature verification (both key modes), notifications.
export { duesEnv, wechatPayConfigured, wechatPayEnvProblems } from '../dues.config';
export type { DuesEnv } from '../dues.config';
export { WechatPayClient, rfc3339Beijing } from './wechat-pay.client';
export { wechatPaySettingsFrom } from './wechat-pay.settings';
export {
  WechatPayApiError,
  WechatPayBillHashError,
  WechatPayNetworkError,
  WechatPaySignatureError,
} from './wechat-pay-errors';
export { PlatformCertificateSource, PublicKeySource } from './wechat-pay-keys';
export { headerValue, verifyWechatpaySignature } from './wechat-pay-verifier';
export type { HeaderBag, SignatureCheck, SignatureRefusal, WechatPayKeySource } from './wechat-pay-verifier';
export { decryptAeadAes256Gcm } from './wechat-pay-crypto';
export { notificationFailureBody, parsePaymentNotification, parseRefundNotification } from './notification';
export type { NotificationRefusal, Parsed } from './notification';
export type * from './wechat-pay.types';
