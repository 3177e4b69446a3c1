// Harness for the simulator's own tests: merchant credentials, a signing client, a notification receiver
// and a response/notification verifier written with node:crypto only (independent of the simulator's code paths).
import { createDecipheriv, createSign, createVerify, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateMerchantCredentials, type MerchantCredentials } from './keys';
import { startWechatPaySim } from './server';
import type { KeyMode, WechatPaySim, WechatPaySimOptions } from './types';

// RSA key generation takes a moment: one merchant for the whole test process.
export const MERCHANT: MerchantCredentials = generateMerchantCredentials('1900000109', 'wxd678efh567hg6787');

export function startSim(mode: KeyMode, options: Partial<WechatPaySimOptions> = {}): Promise<WechatPaySim> {
  return startWechatPaySim({
    merchants: [
      { mchid: MERCHANT.mchid, appids: [MERCHANT.appid], apiCertPem: MERCHANT.certPem, apiV3Key: MERCHANT.apiV3Key },
    ],
    mode,
    retryScale: 0.001,
    ...options,
  });
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown>;
}

/** Signs as a merchant would: `METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n` with the API private key. */
export function authHeader(
  method: string,
  target: string,
  body: string,
  opts: { timestamp?: number; key?: string } = {},
) {
  const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = randomBytes(8).toString('hex');
  const signature = createSign('RSA-SHA256')
    .update(`${method}\n${target}\n${timestamp}\n${nonce}\n${body}\n`)
    .sign(opts.key ?? MERCHANT.privateKeyPem, 'base64');
  return `WECHATPAY2-SHA256-RSA2048 mchid="${MERCHANT.mchid}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${MERCHANT.serialNo}"`;
}

export async function call(
  sim: WechatPaySim,
  method: 'GET' | 'POST',
  target: string,
  body?: unknown,
  auth?: string | null,
): Promise<Answer> {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
  const authorization = auth === undefined ? authHeader(method, target, text) : auth;
  if (authorization !== null) headers.Authorization = authorization;
  const res = await fetch(`${sim.url}${target}`, { method, headers, body: method === 'GET' ? undefined : text });
  const answer = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = answer ? (JSON.parse(answer) as Record<string, unknown>) : {};
  } catch {
    // not JSON (bill file, HTML page)
  }
  return { status: res.status, headers: res.headers, text: answer, json };
}

export function dev(sim: WechatPaySim, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> {
  return call(sim, method, path, body, null);
}

/** Verifies Wechatpay-* headers over a body with the platform public key. */
export function verifyWechatpaySignature(
  headers: { get(name: string): string | null },
  body: string,
  publicKeyPem: string,
): boolean {
  const timestamp = headers.get('wechatpay-timestamp');
  const nonce = headers.get('wechatpay-nonce');
  const signature = headers.get('wechatpay-signature');
  if (!timestamp || !nonce || !signature) return false;
  return createVerify('RSA-SHA256')
    .update(`${timestamp}\n${nonce}\n${body}\n`)
    .verify(publicKeyPem, signature, 'base64');
}

export function decrypt(
  resource: { ciphertext: string; nonce: string; associated_data: string },
  key = MERCHANT.apiV3Key,
) {
  const data = Buffer.from(resource.ciphertext, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(key), Buffer.from(resource.nonce));
  decipher.setAAD(Buffer.from(resource.associated_data));
  decipher.setAuthTag(data.subarray(data.length - 16));
  const plain = Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
  return JSON.parse(plain) as Record<string, unknown>;
}

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Answers to the next requests, in order, then 204: a status, `drop` (socket destroyed: a crashed
   *  merchant) or `hang` (never answered: the simulator's timeout must fire). */
  replies: (number | 'drop' | 'hang')[];
  /** Resolves when `count` notifications have arrived in all. */
  waitFor(count: number): Promise<Received[]>;
  close(): Promise<void>;
}

/** A merchant notify_url: records every POST and answers as scripted. */
export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const replies: Receiver['replies'] = [];
  const waiters: { count: number; resolve: (r: Received[]) => void }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const reply = replies.shift() ?? 204;
      if (reply === 'drop') req.socket.destroy();
      else if (reply !== 'hang') {
        res.writeHead(reply, { 'Content-Type': 'application/json' });
        res.end(reply >= 300 ? JSON.stringify({ code: 'FAIL', message: '失败' }) : '');
      }
      for (const w of waiters.filter((w) => received.length >= w.count)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve([...received]);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/callbacks/wechatpay`,
    received,
    replies,
    waitFor: (count) =>
      received.length >= count
        ? Promise.resolve([...received])
        : new Promise((resolve) => waiters.push({ count, resolve })),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function headerGetter(headers: IncomingHttpHeaders): { get(name: string): string | null } {
  return { get: (name) => (headers[name.toLowerCase()] as string | undefined) ?? null };
}

let seq = 0;
export function orderBody(notifyUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  seq += 1;
  return {
    appid: MERCHANT.appid,
    mchid: MERCHANT.mchid,
    description: '党费 2026年12月',
    out_trade_no: `DUES${Date.now()}${seq}`,
    notify_url: notifyUrl,
    amount: { total: 1250, currency: 'CNY' },
    payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
    attach: 'bill:42',
    ...overrides,
  };
}
