// A minimal HTTP load balancer for several BFF workers of one deployment (what nginx does in front of
// them in production): round-robin over the workers still alive, a worker whose connection fails is
// taken out, and the caller gets 502 for that request — WeChat Pay then retries, and the retry reaches
// a live worker. Tests use its hooks to see who got what and to kill a worker mid-request.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';

export interface BalancerTarget {
  name: string;
  /** http://host:port */
  origin: string;
}

export interface Forwarded {
  target: string;
  method: string;
  path: string;
  /** Upstream status; 502 when the worker's connection failed. */
  status: number;
}

export interface Balancer {
  url: string;
  forwarded: Forwarded[];
  /** A worker that gets every request while it is alive (tests aim a request at the worker they kill). */
  prefer?: string;
  /**
   * Called once the whole request has been written to a worker, before its answer: a test kills the
   * worker here to model a crash while a request is in flight.
   */
  onForwarded?: (target: BalancerTarget, path: string) => void;
  /** Takes a worker out of the rotation (it died). */
  markDown(name: string): void;
  close(): Promise<void>;
}

export async function startBalancer(targets: BalancerTarget[], host = '127.0.0.1'): Promise<Balancer> {
  const down = new Set<string>();
  const forwarded: Forwarded[] = [];
  let next = 0;
  const pick = (): BalancerTarget | undefined => {
    const alive = targets.filter((t) => !down.has(t.name));
    if (alive.length === 0) return undefined;
    const preferred = alive.find((t) => t.name === balancer.prefer);
    if (preferred) return preferred;
    next = (next + 1) % alive.length;
    return alive[next];
  };

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer): void => {
    const target = pick();
    const path = req.url ?? '/';
    if (!target) {
      res.writeHead(503, { 'content-type': 'application/json' }).end('{"code":"FAIL","message":"no worker"}');
      return;
    }
    const url = new URL(path, target.origin);
    const upstream = request(
      url,
      { method: req.method, headers: { ...req.headers, host: url.host, 'content-length': String(body.length) } },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          forwarded.push({ target: target.name, method: req.method ?? '', path, status: answer.statusCode ?? 0 });
          res.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(chunks));
        });
      },
    );
    upstream.on('error', () => {
      // The worker went away: out of the rotation, and this caller retries (WeChat Pay does).
      down.add(target.name);
      forwarded.push({ target: target.name, method: req.method ?? '', path, status: 502 });
      if (!res.headersSent)
        res.writeHead(502, { 'content-type': 'application/json' }).end('{"code":"FAIL","message":"bad gateway"}');
    });
    upstream.end(body, () => balancer.onForwarded?.(target, path));
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => forward(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const balancer: Balancer = {
    url: `http://${host}:${port}`,
    forwarded,
    markDown: (name) => down.add(name),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return balancer;
}
