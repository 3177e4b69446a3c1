// Shared by the simulators' tests: signed calls as the BFF makes them, and a tiny receiver that
// stands in for the BFF's callback.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signedHeaders } from './protocol';

export const HOTLINE_KEY = 'hotline-test-key';
export const HOTLINE_SECRET = 'hotline-test-secret-0123456789';
export const CITY_KEY = 'city-test-key';
export const CITY_SECRET = 'city-test-secret-0123456789abc';

export interface CallReply {
  status: number;
  body: { code: number; message: string; data: Record<string, unknown> | null } | null;
  text: string;
}

/** A signed POST; `tamper` lets a test break one part of it. */
export async function signedPost(
  base: string,
  path: string,
  body: unknown,
  creds: { appKey: string; appSecret: string },
  tamper: { now?: number; headers?: Record<string, string>; rawBody?: string; timeoutMs?: number } = {},
): Promise<CallReply> {
  const raw = JSON.stringify(body);
  const headers = {
    ...signedHeaders(creds.appKey, creds.appSecret, 'POST', path, raw, tamper.now ?? Date.now()),
    ...tamper.headers,
  };
  const res = await fetch(base + path, {
    method: 'POST',
    headers,
    body: tamper.rawBody ?? raw,
    signal: AbortSignal.timeout(tamper.timeoutMs ?? 5000),
  });
  const text = await res.text();
  let parsed: CallReply['body'] = null;
  try {
    parsed = JSON.parse(text) as CallReply['body'];
  } catch {
    parsed = null;
  }
  return { status: res.status, body: parsed, text };
}

export async function devCall(
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(base + path, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A callback receiver answering `status()` (200 unless a test changes it). */
export async function startReceiver(
  status: () => number = () => 200,
): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(status(), { 'Content-Type': 'application/json' });
      res.end('{"data":{"ok":true}}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
