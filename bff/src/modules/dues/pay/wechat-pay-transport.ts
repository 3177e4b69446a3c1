// The HTTP service handed to wechatpay-node-v3's createHttp(): the library signs URLs as
// https://api.mch.weixin.qq.com/…; we keep path and query, send them to the configured base URL with exactly
// the JSON the library signed, and check every answer's Wechatpay-* signature before anything reads it
// (the library does not). Failures become typed errors (wechat-pay-errors.ts).
import { randomBytes } from 'node:crypto';
import { rsaSha256Sign } from './wechat-pay-crypto';
import { WechatPayApiError, WechatPayNetworkError, WechatPaySignatureError } from './wechat-pay-errors';
import type { RawAnswer } from './wechat-pay-keys';
import { verifyWechatpaySignature, type WechatPayKeySource } from './wechat-pay-verifier';

export const WECHATPAY_ORIGIN = 'https://api.mch.weixin.qq.com';
/** The bill file is the one answer WeChat Pay does not sign (its SHA1 comes in the signed bill answer). */
const UNSIGNED_PATH = '/v3/billdownload/file';

/** What the library expects back from its HTTP service. */
export interface LibraryOutput {
  status: number;
  data?: unknown;
  error?: unknown;
  headers?: Record<string, string>;
}

export interface TransportOptions {
  baseUrl: string;
  timeoutMs: number;
  maxSkewSeconds: number;
  keys: () => WechatPayKeySource;
  fetch?: typeof fetch;
  now?: () => number;
}

export class WechatPayTransport {
  constructor(private readonly options: TransportOptions) {}

  /** The object for `pay.createHttp(...)`. */
  libraryService() {
    return {
      get: (url: string, headers: Record<string, string>) => this.send('GET', url, headers),
      post: (url: string, params: Record<string, unknown>, headers: Record<string, string>) =>
        this.send('POST', url, headers, JSON.stringify(params)),
      upload: () => Promise.reject(new Error('uploads are not used')),
    };
  }

  /** Path + query of a library URL, sent to the configured base URL instead of WeChat Pay's fixed host. */
  target(url: string): string {
    const base = this.options.baseUrl.replace(/\/+$/, '');
    return url.startsWith(WECHATPAY_ORIGIN) ? `${base}${url.slice(WECHATPAY_ORIGIN.length)}` : url;
  }

  /** One HTTP exchange, no checks: network failures become WechatPayNetworkError. */
  async exchange(method: 'GET' | 'POST', url: string, headers: Record<string, string>, body?: string) {
    // Accept-Encoding from the library would make fetch hand us compressed bytes for some servers.
    const { 'Accept-Encoding': _drop, ...rest } = headers;
    let res: Response;
    let text: string;
    try {
      res = await (this.options.fetch ?? fetch)(this.target(url), {
        method,
        headers: {
          Accept: 'application/json',
          ...rest,
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
        redirect: 'error',
      });
      text = await res.text();
    } catch (error) {
      throw new WechatPayNetworkError(error instanceof Error ? error.message : String(error), { cause: error });
    }
    const out: Record<string, string> = {};
    res.headers.forEach((value, key) => (out[key] = value));
    return { status: res.status, headers: out, body: text };
  }

  private async send(
    method: 'GET' | 'POST',
    url: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<LibraryOutput> {
    const answer = await this.exchange(method, url, headers, body);
    const unsigned = new URL(this.target(url)).pathname === UNSIGNED_PATH;
    if (!unsigned) {
      // Errors are signed too: an unsigned "ORDERPAID" could otherwise make us believe a forged state.
      const keys = this.options.keys();
      const check = await verifyWechatpaySignature(answer.headers, answer.body, keys, {
        maxSkewSeconds: this.options.maxSkewSeconds,
        now: this.options.now,
      });
      if (!check.ok) {
        throw new WechatPaySignatureError(
          check.reason,
          check.reason === 'unknown-serial' ? keys.lastProblem?.() : undefined,
        );
      }
    }
    if (answer.status >= 300) throw apiError(answer);
    const isJson = (answer.headers['content-type'] ?? '').includes('json');
    let data: unknown = answer.body;
    if (isJson && answer.body) {
      try {
        data = JSON.parse(answer.body);
      } catch {
        throw new Error(`WeChat Pay answered ${answer.status} with invalid JSON`);
      }
    }
    return { status: answer.status, data, headers: answer.headers };
  }
}

function apiError(answer: RawAnswer): WechatPayApiError {
  try {
    const parsed = JSON.parse(answer.body) as { code?: unknown; message?: unknown; detail?: unknown };
    return new WechatPayApiError(
      answer.status,
      typeof parsed.code === 'string' ? parsed.code : 'UNKNOWN',
      typeof parsed.message === 'string' ? parsed.message : '',
      parsed.detail,
    );
  } catch {
    return new WechatPayApiError(answer.status, 'UNKNOWN', answer.body.slice(0, 200));
  }
}

/** `WECHATPAY2-SHA256-RSA2048 …` for a request we send without the library (GET /v3/certificates). */
export function merchantAuthorization(input: {
  mchid: string;
  serialNo: string;
  privateKeyPem: string;
  method: string;
  pathAndQuery: string;
  body: string;
  nowMs: number;
}): string {
  const timestamp = String(Math.floor(input.nowMs / 1000));
  const nonce = randomBytes(16).toString('hex');
  const message = `${input.method}\n${input.pathAndQuery}\n${timestamp}\n${nonce}\n${input.body}\n`;
  const signature = rsaSha256Sign(message, input.privateKeyPem);
  return `WECHATPAY2-SHA256-RSA2048 mchid="${input.mchid}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${input.serialNo}"`;
}
