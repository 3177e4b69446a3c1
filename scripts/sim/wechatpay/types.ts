// Types of the WeChat Pay APIv3 simulator: options, merchants, orders, refunds, notifications.

/** `platformCert`: responses/notifications signed by a platform certificate served at GET /v3/certificates.
 *  `publicKey`: the WeChat Pay public key mode (serial `PUB_KEY_ID_…`), the only one for merchants since late 2024. */
export type KeyMode = 'platformCert' | 'publicKey';

export interface SimMerchant {
  mchid: string;
  /** Appids bound to the merchant (JSAPI: the mini-program's appid). */
  appids: string[];
  /** The merchant API certificate (apiclient_cert.pem): its serial and public key check our request signatures. */
  apiCertPem?: string;
  /** Alternative to apiCertPem: the certificate's serial (hex) and its public key (PEM). */
  apiSerialNo?: string;
  apiPublicKeyPem?: string;
  /** The APIv3 key: 32 ASCII characters, encrypts notification resources and platform certificates. */
  apiV3Key: string;
}

export interface WechatPaySimOptions {
  merchants: SimMerchant[];
  mode?: KeyMode;
  port?: number;
  host?: string;
  now?: () => number;
  /** Multiplies the notification retry schedule (15 s … 6 h); 0.001 in tests. Default 1. */
  retryScale?: number;
  /** How long a notify_url may take to answer before the attempt counts as failed. Default 5000 ms. */
  notifyTimeoutMs?: number;
  /** Delay between accepting a refund (PROCESSING) and its success + notification. Default 0. */
  refundDelayMs?: number;
  /** Accepted skew between a request's signature timestamp and the clock. Default 300 s, as WeChat Pay. */
  maxSkewSeconds?: number;
  /** Host put in download_url (the library signs the URL without https://api.mch.weixin.qq.com). */
  downloadBase?: string;
  /** Start with this platform key (the CLI keeps it across restarts so a configured BFF stays valid). */
  platformKey?: PlatformKey;
  onRequest?: (entry: RequestLogEntry) => void;
}

export interface RequestLogEntry {
  time: string;
  method: string;
  path: string;
  status: number;
  code: string | null;
  mchid: string | null;
  ms: number;
}

export type TradeState = 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';

export interface SimOrder {
  appid: string;
  mchid: string;
  description: string;
  outTradeNo: string;
  notifyUrl: string;
  attach?: string;
  timeExpire?: string;
  totalFen: number;
  openid: string;
  /** Canonical JSON of the creating body: the same body again gets the same prepay_id. */
  bodyKey: string;
  prepayId: string;
  prepayExpiresAt: number;
  createdAt: number;
  state: TradeState;
  transactionId?: string;
  successAt?: number;
  /** The user closed the payment sheet in the dev page (WeChat Pay keeps the order NOTPAY). */
  cancelledByUser?: boolean;
  refundedFen: number;
}

export type RefundStatus = 'PROCESSING' | 'SUCCESS';

export interface SimRefund {
  mchid: string;
  outRefundNo: string;
  refundId: string;
  outTradeNo: string;
  transactionId: string;
  reason?: string;
  notifyUrl: string;
  refundFen: number;
  totalFen: number;
  createdAt: number;
  status: RefundStatus;
  successAt?: number;
}

export interface DeliveryAttempt {
  at: string;
  status: number | null;
  error?: string;
  ms: number;
}

export interface NotificationRecord {
  id: string;
  eventType: string;
  mchid: string;
  outTradeNo: string;
  outRefundNo?: string;
  url: string;
  /** Which probe sent it (`bad-signature`, …); absent for genuine notifications. */
  probe?: string;
  body: string;
  headers: Record<string, string>;
  attempts: DeliveryAttempt[];
  /** delivered: answered 2xx; given-up: schedule exhausted or a probe's single attempt failed. */
  outcome: 'pending' | 'delivered' | 'given-up';
}

export interface PlatformKey {
  serial: string;
  privateKeyPem: string;
  publicKeyPem: string;
  /** Self-signed X.509 certificate (platformCert mode only). */
  certPem?: string;
  effectiveAt: number;
  expiresAt: number;
}

export interface WechatPaySim {
  url: string;
  port: number;
  mode: KeyMode;
  /** The key that signs responses and notifications now. */
  platform(): PlatformKey;
  /** Every platform key still valid (after rotation the old one stays listed). */
  platformKeys(): PlatformKey[];
  /** Generates a new platform key; it signs from now on, the old one stays in GET /v3/certificates. */
  rotatePlatformKey(): PlatformKey;
  orders(): SimOrder[];
  refunds(): SimRefund[];
  notifications(): NotificationRecord[];
  requests(): RequestLogEntry[];
  /** Resolves once no notification delivery is pending (every one delivered or given up). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export interface SimRequest {
  method: string;
  /** Path with query, exactly as signed: `/v3/...?...`. */
  target: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface SimResponse {
  status: number;
  body?: unknown;
  /** Non-JSON payloads (the bill file, the dev payment page). */
  raw?: { text: string; contentType: string };
  /** Dev endpoints are not signed: they are not part of WeChat Pay. */
  unsigned?: boolean;
}
