// node:http front of the simulator: body reading, CORS for /__dev/*, latency, logging, shutdown.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WxErr, wxError } from './errors';
import { allowedDevMethods, isDevPath, route } from './router';
import { SimState } from './state';
import type { Availability, JsonValue, SimRequest, SimResponse, WechatSim, WechatSimOptions } from './types';

/** Far above anything these APIs take; protects the test process from runaway uploads. */
const MAX_BODY_BYTES = 1024 * 1024;

/** The header WeChat itself sends on its JSON answers. */
const WX_CONTENT_TYPE = 'application/json; encoding=utf-8';

function readBody(req: IncomingMessage): Promise<{ body: string; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Keep draining after the limit so the client still gets an answer instead of a reset.
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve({ body: Buffer.concat(chunks).toString('utf8'), tooLarge: size > MAX_BODY_BYTES }));
    req.on('error', reject);
  });
}

function corsHeaders(path: string): Record<string, string> {
  // Only the dev endpoints are called from browsers (the H5 build stands in for wx.login).
  // The WeChat paths stay CORS-less, as api.weixin.qq.com is: calling them from a page is a bug.
  if (!isDevPath(path)) return {};
  return {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type',
    'Access-Control-Max-Age': '600',
  };
}

function errcodeOf(body: JsonValue): number | null {
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const errcode = body.errcode;
    if (typeof errcode === 'number') return errcode;
  }
  return null;
}

function listenAddress(host: string, port: number): string {
  return host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`;
}

function validateOptions(options: WechatSimOptions): void {
  if (options.apps.length === 0) throw new Error('wechat-sim: at least one app {appid, secret} is required');
  const seen = new Set<string>();
  for (const app of options.apps) {
    if (!app.appid || !app.secret) throw new Error('wechat-sim: every app needs a non-empty appid and secret');
    if (seen.has(app.appid)) throw new Error(`wechat-sim: duplicate appid ${app.appid}`);
    seen.add(app.appid);
  }
}

export async function startWechatSim(options: WechatSimOptions): Promise<WechatSim> {
  validateOptions(options);
  const state = new SimState(
    options.apps,
    options.now ?? Date.now,
    { mediaCheckDelayMs: options.mediaCheckDelayMs ?? 200, pushRetryDelayMs: options.pushRetryDelayMs ?? 1000 },
    options.push ?? null,
  );
  const host = options.host ?? '127.0.0.1';
  const timers = new Set<NodeJS.Timeout>();

  const send = (res: ServerResponse, path: string, result: SimResponse, done: () => void): void => {
    const write = (): void => {
      if (res.destroyed) return done();
      const payload = result.raw ? result.raw.text : JSON.stringify(result.body);
      const contentType = isDevPath(path) ? 'application/json; charset=utf-8' : WX_CONTENT_TYPE;
      res.writeHead(result.status, {
        ...corsHeaders(path),
        'Content-Type': result.raw ? result.raw.contentType : contentType,
        'Content-Length': Buffer.byteLength(payload),
      });
      res.end(payload, done);
    };
    if (!result.delayMs) return write();
    const timer = setTimeout(() => {
      timers.delete(timer);
      write();
    }, result.delayMs);
    timers.add(timer);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = process.hrtime.bigint();
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://sim.local');
    const path = url.pathname;
    const log = (status: number, body: JsonValue): void => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      options.onRequest?.({ method, path, status, errcode: errcodeOf(body), ms: Math.round(ms * 10) / 10 });
    };

    if (method === 'OPTIONS' && isDevPath(path)) {
      res.writeHead(204, { ...corsHeaders(path), Allow: allowedDevMethods(path).join(', ') });
      res.end();
      return log(204, null);
    }

    let result: SimResponse;
    try {
      const { body, tooLarge } = await readBody(req);
      const simReq: SimRequest = { method, path, query: url.searchParams, body, bodyTooLarge: tooLarge };
      result = route(state, simReq);
    } catch (err) {
      // A bug in the simulator must surface as WeChat's "system error", not as a hung request.
      process.stderr.write(`wechat-sim: internal error on ${method} ${path}: ${String(err)}\n`);
      result = { status: 500, body: { ...wxError(WxErr.SYSTEM_ERROR, state.now()) } };
    }
    send(res, path, result, () => log(result.status, result.body));
  };

  const server = createServer((req, res) => {
    void handle(req, res);
  });

  const listen = (port: number): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  const stopListening = (): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (!server.listening) return resolve();
      server.close((err) => (err ? reject(err) : resolve()));
      // Keep-alive sockets (fetch keeps them) would otherwise hold close() open for seconds.
      server.closeAllConnections();
    });

  await listen(options.port ?? 0);
  const port = (server.address() as AddressInfo).port;

  return {
    url: listenAddress(host, port),
    port,
    setPush: (target) => {
      state.pushTarget = target;
    },
    setAvailability: async (mode: Availability) => {
      if (mode === 'refused') return stopListening();
      // Same port, so clients configured with the URL reach it again.
      if (!server.listening) await listen(port);
    },
    subscribeMessages: (openid) => state.subscriptions.messages(openid),
    mediaChecks: () => state.media.list(),
    idle: () => state.media.idle(),
    close: async () => {
      state.media.close();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await stopListening();
    },
  };
}
