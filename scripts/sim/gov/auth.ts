// Verifies the signature headers of a call to the simulated platform (docs/GOV-PROTOCOL.md §2).
import type { IncomingHttpHeaders } from 'node:http';
import {
  GOV_HEADERS,
  GovCode,
  NONCE_PATTERN,
  SIGNATURE_METHOD,
  TIME_WINDOW_MS,
  sameSignature,
  sign,
  stringToSign,
} from './protocol';

export interface AuthInput {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Checks appKey, signature, time window and single-use nonce, in that order. */
export class NonceGuard {
  /** nonce → when it was seen; forgotten after twice the window (older timestamps fail anyway). */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly appKey: string,
    private readonly appSecret: string,
    private readonly now: () => number,
  ) {}

  verify(input: AuthInput): GovCode {
    const key = header(input.headers, GOV_HEADERS.appKey);
    const timestamp = header(input.headers, GOV_HEADERS.timestamp);
    const nonce = header(input.headers, GOV_HEADERS.nonce);
    const method = header(input.headers, GOV_HEADERS.signatureMethod);
    const signature = header(input.headers, GOV_HEADERS.signature);
    if (!key || !timestamp || !nonce || !signature || method !== SIGNATURE_METHOD) return GovCode.AUTH_MISSING;
    if (!/^\d{13}$/.test(timestamp) || !NONCE_PATTERN.test(nonce)) return GovCode.AUTH_MISSING;
    if (key !== this.appKey) return GovCode.APP_KEY_UNKNOWN;
    const expected = sign(this.appSecret, stringToSign(input.method, input.path, key, timestamp, nonce, input.body));
    if (!sameSignature(expected, signature)) return GovCode.SIGNATURE_INVALID;
    const now = this.now();
    if (Math.abs(now - Number(timestamp)) > TIME_WINDOW_MS) return GovCode.TIMESTAMP_EXPIRED;
    this.forgetOld(now);
    if (this.seen.has(nonce)) return GovCode.NONCE_REPLAYED;
    this.seen.set(nonce, now);
    return GovCode.OK;
  }

  private forgetOld(now: number): void {
    for (const [nonce, at] of this.seen) {
      // Insertion order is time order, so the first young entry ends the sweep.
      if (now - at <= 2 * TIME_WINDOW_MS) break;
      this.seen.delete(nonce);
    }
  }
}
