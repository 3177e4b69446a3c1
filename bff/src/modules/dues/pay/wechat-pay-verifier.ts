// Verification of WeChat Pay's signed messages (API answers and notifications), written with node:crypto
// because wechatpay-node-v3 2.2.1 neither verifies answers nor knows the public-key mode (PUB_KEY_ID_…).
// The message is `timestamp\nnonce\nbody\n` over the RAW body string, SHA256withRSA, key chosen by serial.
import { createVerify, type KeyObject } from 'node:crypto';

export type SignatureRefusal = 'missing-headers' | 'signtest' | 'stale' | 'unknown-serial' | 'bad-signature';

export type SignatureCheck = { ok: true; serial: string } | { ok: false; reason: SignatureRefusal };

/** Where verification keys come from, by serial (public-key file or downloaded platform certificates). */
export interface WechatPayKeySource {
  /** The key of `serial`, or undefined when it is not known (a certificate source may refresh first). */
  keyFor(serial: string): Promise<KeyObject | undefined>;
  /** Why a key may be missing (e.g. the certificate download failed), to make refusals explain themselves. */
  lastProblem?(): string | undefined;
}

/** Any header bag: Node's IncomingHttpHeaders, Koa's ctx.headers, fetch's Headers or a plain record. */
export type HeaderBag = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

export function headerValue(headers: HeaderBag, name: string): string | undefined {
  const lower = name.toLowerCase();
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null }).get(lower) ?? undefined;
  }
  const bag = headers as Record<string, string | string[] | undefined>;
  const found = bag[lower] ?? Object.entries(bag).find(([key]) => key.toLowerCase() === lower)?.[1];
  return Array.isArray(found) ? found[0] : found;
}

export interface SignedParts {
  timestamp: string;
  nonce: string;
  signature: string;
  serial: string;
}

export function signedParts(headers: HeaderBag): SignedParts | undefined {
  const timestamp = headerValue(headers, 'wechatpay-timestamp');
  const nonce = headerValue(headers, 'wechatpay-nonce');
  const signature = headerValue(headers, 'wechatpay-signature');
  const serial = headerValue(headers, 'wechatpay-serial');
  if (!timestamp || !nonce || !signature || !serial) return undefined;
  return { timestamp, nonce, signature, serial };
}

export interface VerifyOptions {
  /** Accepted distance between the signed timestamp and now, in seconds (WeChat Pay advises 5 minutes). */
  maxSkewSeconds?: number;
  now?: () => number;
}

/** The message WeChat Pay signs on answers and notifications. */
export function wechatpayMessage(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}\n`;
}

/**
 * Checks Wechatpay-* headers over the raw body. Order matters: cheap refusals first (probe, clock), then
 * the key lookup (which may download certificates), then RSA. The RSA check is itself the comparison,
 * so there is no secret-dependent string compare to make constant-time here.
 */
export async function verifyWechatpaySignature(
  headers: HeaderBag,
  rawBody: string,
  keys: WechatPayKeySource,
  options: VerifyOptions = {},
): Promise<SignatureCheck> {
  const parts = signedParts(headers);
  if (!parts) return { ok: false, reason: 'missing-headers' };
  // WeChat Pay sends probe traffic with this prefix to see whether merchants verify: never accept it.
  if (parts.signature.startsWith('WECHATPAY/SIGNTEST/')) return { ok: false, reason: 'signtest' };
  const seconds = /^\d{1,12}$/.test(parts.timestamp) ? Number(parts.timestamp) : NaN;
  const nowSec = Math.floor((options.now?.() ?? Date.now()) / 1000);
  if (!Number.isFinite(seconds) || Math.abs(nowSec - seconds) > (options.maxSkewSeconds ?? 300)) {
    return { ok: false, reason: 'stale' };
  }
  const key = await keys.keyFor(parts.serial);
  if (!key) return { ok: false, reason: 'unknown-serial' };
  return rsaSha256Verify(wechatpayMessage(parts.timestamp, parts.nonce, rawBody), parts.signature, key)
    ? { ok: true, serial: parts.serial }
    : { ok: false, reason: 'bad-signature' };
}

export function rsaSha256Verify(message: string, signatureBase64: string, key: KeyObject): boolean {
  try {
    return createVerify('RSA-SHA256').update(message, 'utf8').verify(key, signatureBase64, 'base64');
  } catch {
    return false; // malformed signature or key: a refusal, not a crash
  }
}
