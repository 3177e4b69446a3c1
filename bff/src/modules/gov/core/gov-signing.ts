import { createHash, createHmac, randomBytes, timingSafeEqual } from 'crypto';

/**
 * The signing scheme shared by every government platform we talk to (docs/GOV-PROTOCOL.md §2):
 * HMAC-SHA256 over `METHOD\nPATH\nappKey\ntimestamp\nnonce\nhex(sha256(body))`, hex-encoded, in
 * `X-Ca-*` headers. The same scheme signs our calls out and their pushes in.
 */
export const GOV_SIGNATURE_HEADERS = {
  appKey: 'x-ca-key',
  timestamp: 'x-ca-timestamp',
  nonce: 'x-ca-nonce',
  signatureMethod: 'x-ca-signature-method',
  signature: 'x-ca-signature',
} as const;

export const GOV_SIGNATURE_METHOD = 'HMAC-SHA256';
/** A request older or newer than this (ms) is refused as a replay. */
export const GOV_TIME_WINDOW_MS = 300_000;
export const GOV_NONCE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** The platform's credentials for one connector. */
export interface GovCredentials {
  appKey: string;
  appSecret: string;
}

/** The canonical string both sides sign; `path` is the URL path without the query string. */
export function govStringToSign(
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

/** Lower-case hex HMAC-SHA256 of `canonical` with the app secret. */
export function govSign(secret: string, canonical: string): string {
  return createHmac('sha256', secret).update(canonical, 'utf8').digest('hex');
}

/** Headers for one signed request (a fresh nonce and timestamp every call, retries included). */
export function govSignedHeaders(
  creds: GovCredentials,
  method: string,
  path: string,
  body: string,
  now = Date.now(),
): Record<string, string> {
  const timestamp = String(now);
  const nonce = randomBytes(16).toString('hex');
  return {
    'X-Ca-Key': creds.appKey,
    'X-Ca-Timestamp': timestamp,
    'X-Ca-Nonce': nonce,
    'X-Ca-Signature-Method': GOV_SIGNATURE_METHOD,
    'X-Ca-Signature': govSign(creds.appSecret, govStringToSign(method, path, creds.appKey, timestamp, nonce, body)),
  };
}

/** Constant-time comparison of two hex signatures. */
export function govSignatureMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export type GovSignatureCheck =
  | { ok: true; nonce: string; timestamp: number }
  | { ok: false; reason: 'missing' | 'app_key' | 'signature' | 'timestamp' };

/**
 * Checks headers, app key, signature and time window of an inbound request (the nonce's single use
 * needs shared state and is the caller's job). The signature is checked before the clock so an
 * unauthenticated caller learns nothing about our replay state.
 */
export function checkGovSignature(
  creds: GovCredentials,
  req: { method: string; path: string; body: string; header: (name: string) => string | undefined },
  now = Date.now(),
): GovSignatureCheck {
  const h = GOV_SIGNATURE_HEADERS;
  const key = req.header(h.appKey);
  const timestamp = req.header(h.timestamp);
  const nonce = req.header(h.nonce);
  const signature = req.header(h.signature);
  if (!key || !timestamp || !nonce || !signature || req.header(h.signatureMethod) !== GOV_SIGNATURE_METHOD)
    return { ok: false, reason: 'missing' };
  if (!/^\d{13}$/.test(timestamp) || !GOV_NONCE_PATTERN.test(nonce)) return { ok: false, reason: 'missing' };
  if (!govSignatureMatches(creds.appKey, key)) return { ok: false, reason: 'app_key' };
  const expected = govSign(creds.appSecret, govStringToSign(req.method, req.path, key, timestamp, nonce, req.body));
  if (!govSignatureMatches(expected, signature)) return { ok: false, reason: 'signature' };
  if (Math.abs(now - Number(timestamp)) > GOV_TIME_WINDOW_MS) return { ok: false, reason: 'timestamp' };
  return { ok: true, nonce, timestamp: Number(timestamp) };
}
