// node:http front shared by both government platform simulators: body reading, signature checks,
// fault injection, latency, the request log, dev endpoints (unsigned, under /__dev/) and shutdown.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NonceGuard } from './auth';
import { FaultInjector, type FaultKind, type FaultSettings } from './faults';
import { envelope, GovCode, govCodeStatus } from './protocol';
import type { GovRequestLogEntry, GovSimOptions } from './types';

const MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_HANG_MS = 120_000;

/** A platform API route: gets the parsed JSON body (already authenticated), answers with a code. */
export type ApiHandler = (body: Record<string, unknown>) => { code: GovCode; data?: unknown; message?: string };
export interface DevRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}
export interface DevResult {
  status: number;
  body: unknown;
}
/** Simulator-specific dev endpoints; null = not mine (404). */
export type DevHandler = (req: DevRequest) => DevResult | null | Promise<DevResult | null>;

export interface GovServer {
  url: string;
  port: number;
  faults: FaultInjector;
  requests: GovRequestLogEntry[];
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseObject(raw: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function writeJson(res: ServerResponse, status: number, body: unknown, cors = false): void {
  if (res.destroyed) return;
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(payload),
    ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}),
  });
  res.end(payload);
}

/** Starts a simulated platform answering `api` (signed POSTs) and `dev` (unsigned /__dev/ calls). */
export async function startGovServer(
  name: string,
  options: GovSimOptions,
  api: Record<string, ApiHandler>,
  dev: DevHandler,
): Promise<GovServer> {
  const now = options.now ?? Date.now;
  const faults = new FaultInjector(options.seed ?? 1, {
    latencyMs: options.latencyMs,
    failureRate: options.failureRate,
  });
  const guard = new NonceGuard(options.appKey, options.appSecret, now);
  const requests: GovRequestLogEntry[] = [];
  const held = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();

  const later = (ms: number, fn: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    if (options.unref) timer.unref();
    timers.add(timer);
  };

  const handleDev = async (method: string, url: URL, raw: string, res: ServerResponse): Promise<number> => {
    const body = raw === '' ? null : parseObject(raw);
    const path = url.pathname;
    let result: DevResult | null;
    if (path === '/__dev/faults' && method === 'POST') {
      const patch = (body ?? {}) as Partial<FaultSettings>;
      result = { status: 200, body: faults.update(patch) };
    } else if (path === '/__dev/faults') result = { status: 200, body: { ...faults.current, stats: faults.stats() } };
    else if (path === '/__dev/requests') result = { status: 200, body: requests };
    else result = await dev({ method, path, query: url.searchParams, body });
    const out = result ?? { status: 404, body: { error: 'no such dev endpoint' } };
    writeJson(res, out.status, out.body, true);
    return out.status;
  };

  const handleApi = (
    method: string,
    path: string,
    raw: string,
    req: IncomingMessage,
    res: ServerResponse,
    fault: FaultKind,
  ): { status: number; code: number | null } => {
    const answer = (code: GovCode, data: unknown = null, message?: string) => {
      const status = govCodeStatus[code];
      later(faults.current.latencyMs, () => writeJson(res, status, envelope(code, data, message)));
      return { status, code };
    };
    if (fault === 'down') return answer(GovCode.UNAVAILABLE);
    if (fault === 'error') return answer(GovCode.INTERNAL, null, '系统内部错误（模拟故障）');
    if (fault === 'gateway') {
      later(faults.current.latencyMs, () => {
        if (res.destroyed) return;
        res.writeHead(502, { 'Content-Type': 'text/html' });
        res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
      });
      return { status: 502, code: null };
    }
    const handler = method === 'POST' ? api[path] : undefined;
    if (!handler) return answer(GovCode.NOT_FOUND, null, '接口不存在');
    const auth = guard.verify({ method, path, headers: req.headers, body: raw });
    if (auth !== GovCode.OK) return answer(auth);
    const body = parseObject(raw);
    if (!body) return answer(GovCode.BAD_REQUEST, null, '请求体必须是 JSON 对象');
    const result = handler(body);
    if (fault === 'hang') {
      // Applied, but the caller never hears back: it must time out and retry idempotently.
      held.add(res);
      later(options.hangMs ?? DEFAULT_HANG_MS, () => {
        held.delete(res);
        res.destroy();
      });
      return { status: 0, code: result.code };
    }
    return answer(result.code, result.data ?? null, result.message);
  };

  const server = createServer((req, res) => {
    const started = Date.now();
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://sim.local');
    const isDev = url.pathname.startsWith('/__dev/');
    void (async () => {
      const raw = await readBody(req);
      if (raw === null) return writeJson(res, 413, envelope(GovCode.BAD_REQUEST, null, '请求体过大'));
      if (isDev) {
        if (method === 'OPTIONS') {
          res.writeHead(204, {
            'Access-Control-Allow-Origin': '*',
            'Access-Control-Allow-Methods': 'GET, POST',
            'Access-Control-Allow-Headers': 'Content-Type',
          });
          return res.end();
        }
        await handleDev(method, url, raw, res);
        return;
      }
      const fault = faults.next();
      const outcome = handleApi(method, url.pathname, raw, req, res, fault);
      const entry: GovRequestLogEntry = {
        method,
        path: url.pathname,
        status: outcome.status,
        code: outcome.code,
        fault,
        at: now(),
        ms: Date.now() - started,
      };
      requests.push(entry);
      options.onRequest?.(entry);
    })().catch((err: unknown) => {
      process.stderr.write(`${name}: internal error on ${method} ${url.pathname}: ${String(err)}\n`);
      writeJson(res, 500, envelope(GovCode.INTERNAL, null));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  if (options.unref) server.unref();
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    url: host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`,
    port,
    faults,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        for (const res of held) res.destroy();
        held.clear();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
