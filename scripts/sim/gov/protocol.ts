// The platform side of the signing scheme in docs/GOV-PROTOCOL.md, written independently of the
// BFF's implementation on purpose: the simulator stands for another party, so a shared helper would
// hide the very mismatches it exists to catch.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const GOV_HEADERS = {
  appKey: 'x-ca-key',
  timestamp: 'x-ca-timestamp',
  nonce: 'x-ca-nonce',
  signatureMethod: 'x-ca-signature-method',
  signature: 'x-ca-signature',
} as const;

export const SIGNATURE_METHOD = 'HMAC-SHA256';
/** Accepted clock difference between caller and callee. */
export const TIME_WINDOW_MS = 300_000;
export const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** Platform result codes (the `code` of the `{ code, message, data }` envelope). */
export const GovCode = {
  OK: 0,
  BAD_REQUEST: 40001,
  AUTH_MISSING: 40100,
  APP_KEY_UNKNOWN: 40101,
  SIGNATURE_INVALID: 40102,
  NOT_FOUND: 40401,
  NONCE_REPLAYED: 40901,
  TIMESTAMP_EXPIRED: 40902,
  STATE_CONFLICT: 40903,
  RATE_LIMITED: 42901,
  INTERNAL: 50001,
  UNAVAILABLE: 50301,
} as const;
export type GovCode = (typeof GovCode)[keyof typeof GovCode];

export const govCodeStatus: Record<GovCode, number> = {
  0: 200,
  40001: 400,
  40100: 401,
  40101: 401,
  40102: 401,
  40401: 404,
  40901: 409,
  40902: 409,
  40903: 409,
  42901: 429,
  50001: 500,
  50301: 503,
};

export const govCodeMessage: Record<GovCode, string> = {
  0: 'success',
  40001: '请求参数错误',
  40100: '缺少签名参数',
  40101: 'appKey 不存在',
  40102: '签名校验失败',
  40401: '工单不存在',
  40901: 'nonce 已使用',
  40902: '时间戳超出允许范围',
  40903: '工单状态冲突',
  42901: '请求过于频繁',
  50001: '系统内部错误',
  50301: '服务维护中',
};

export interface GovEnvelope<T> {
  code: number;
  message: string;
  data: T | null;
  requestId: string;
}

export function envelope<T>(code: GovCode, data: T | null, message?: string): GovEnvelope<T> {
  return { code, message: message ?? govCodeMessage[code], data, requestId: randomBytes(8).toString('hex') };
}

/** `METHOD\nPATH\nappKey\ntimestamp\nnonce\nhex(sha256(body))`; the path carries no query string. */
export function stringToSign(
  method: string,
  path: string,
  appKey: string,
  timestamp: string,
  nonce: string,
  body: string,
): string {
  const bodyHash = createHash('sha256').update(body, 'utf8').digest('hex');
  return [method.toUpperCase(), path, appKey, timestamp, nonce, bodyHash].join('\n');
}

export function sign(secret: string, canonical: string): string {
  return createHmac('sha256', secret).update(canonical, 'utf8').digest('hex');
}

/** Headers for a signed call from this platform (pushes to the BFF use the same scheme). */
export function signedHeaders(
  appKey: string,
  secret: string,
  method: string,
  path: string,
  body: string,
  now: number,
): Record<string, string> {
  const timestamp = String(now);
  const nonce = randomBytes(16).toString('hex');
  return {
    'Content-Type': 'application/json; charset=utf-8',
    'X-Ca-Key': appKey,
    'X-Ca-Timestamp': timestamp,
    'X-Ca-Nonce': nonce,
    'X-Ca-Signature-Method': SIGNATURE_METHOD,
    'X-Ca-Signature': sign(secret, stringToSign(method, path, appKey, timestamp, nonce, body)),
  };
}

export function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Seconds-resolution ISO 8601 in Beijing time, as Chinese government platforms write it. */
export function beijingIso(ms: number): string {
  const shifted = new Date(ms + 8 * 3600_000).toISOString().slice(0, 19);
  return `${shifted}+08:00`;
}
