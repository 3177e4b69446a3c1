// node:http front of the WeChat Pay simulator: body reading, response signing, CORS for /__dev/*, logging.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SimContext } from './context';
import { signedHeaders } from './crypto';
import { payError } from './errors';
import { rfc3339 } from './ids';
import { Notifier } from './notify';
import { allowedDevMethods, isDevPath, route } from './router';
import { PayState } from './state';
import type { SimRequest, SimResponse, WechatPaySim, WechatPaySimOptions } from './types';

const MAX_BODY_BYTES = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function corsHeaders(path: string): Record<string, string> {
  // The payment page and the e2e call the dev endpoints from a browser; api.mch.weixin.qq.com has no CORS.
  if (!isDevPath(path)) return {};
  return {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type',
  };
}

function codeOf(body: unknown): string | null {
  if (typeof body === 'object' && body !== null && 'code' in body) return String((body as { code: unknown }).code);
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = (body as { error: { code?: unknown } }).error;
    return error?.code ? String(error.code) : null;
  }
  return null;
}

export async function startWechatPaySim(options: WechatPaySimOptions): Promise<WechatPaySim> {
  const now = options.now ?? Date.now;
  const state = new PayState(options.merchants, options.mode ?? 'publicKey', now, options.platformKey);
  const notifier = new Notifier(state, options.retryScale ?? 1, options.notifyTimeoutMs ?? 5000);
  const timers = new Set<NodeJS.Timeout>();
  const host = options.host ?? '127.0.0.1';
  const maxSkew = options.maxSkewSeconds ?? 300;
  const ctx: SimContext = {
    state,
    notifier,
    refundDelayMs: options.refundDelayMs ?? 0,
    downloadBase: options.downloadBase ?? 'https://api.mch.weixin.qq.com',
    later: (fn, ms) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        fn();
      }, ms);
      timers.add(timer);
    },
  };

  const send = (res: ServerResponse, path: string, result: SimResponse): void => {
    const text = result.raw ? result.raw.text : result.body === undefined ? '' : JSON.stringify(result.body);
    const headers: Record<string, string | number> = {
      ...corsHeaders(path),
      'Content-Type': result.raw?.contentType ?? 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
    };
    if (!isDevPath(path)) headers['Request-ID'] = randomUUID();
    // Every WeChat Pay answer is signed with the platform key; merchants verify before trusting it.
    const signed = result.unsigned ? {} : signedHeaders(text, state.signingKey(), Math.floor(now() / 1000));
    res.writeHead(result.status, { ...headers, ...signed });
    res.end(text);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = process.hrtime.bigint();
    const method = req.method ?? 'GET';
    const target = req.url ?? '/';
    const url = new URL(target, 'http://sim.local');
    const path = url.pathname;
    if (method === 'OPTIONS' && isDevPath(path)) {
      res.writeHead(204, { ...corsHeaders(path), Allow: allowedDevMethods(path).join(', ') });
      res.end();
      return;
    }
    let result: SimResponse;
    let mchid: string | null = null;
    try {
      const body = await readBody(req);
      const simReq: SimRequest = { method, target, path, query: url.searchParams, headers: req.headers, body };
      mchid = /mchid="(\d+)"/.exec(String(req.headers.authorization ?? ''))?.[1] ?? null;
      result = await route(ctx, simReq, maxSkew);
    } catch (err) {
      process.stderr.write(`wechatpay-sim: internal error on ${method} ${path}: ${String(err)}\n`);
      result = payError('SYSTEM_ERROR', '系统错误');
    }
    send(res, path, result);
    const entry = {
      time: rfc3339(now()),
      method,
      path,
      status: result.status,
      code: codeOf(result.body),
      mchid,
      ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
    };
    if (!isDevPath(path)) state.requests.push(entry);
    options.onRequest?.(entry);
  };

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`,
    port,
    mode: state.mode,
    platform: () => state.signingKey(),
    platformKeys: () => [...state.platformKeys],
    rotatePlatformKey: () => state.rotate(),
    orders: () => [...state.orders.values()],
    refunds: () => [...state.refunds.values()],
    notifications: () => [...state.notifications],
    requests: () => [...state.requests],
    settled: () => notifier.settled(),
    close: async () => {
      notifier.close();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
