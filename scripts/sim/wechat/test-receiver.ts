// A tiny message-push receiver for the simulator's own tests: records every POST and answers
// with whatever the test scripts (default "success"); also serves media files under /media/.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedPush {
  query: URLSearchParams;
  contentType: string | undefined;
  body: string;
}

export interface Receiver {
  url: string;
  received: ReceivedPush[];
  /** Replies of the next requests, in order; after that "success". */
  replies: { status: number; text: string }[];
  /** Files served at `${base}/media/<name>`. */
  media: Map<string, Buffer>;
  base: string;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: ReceivedPush[] = [];
  const replies: { status: number; text: string }[] = [];
  const media = new Map<string, Buffer>();
  const server: Server = createServer((req, res) => {
    if (req.method === 'GET' && req.url?.startsWith('/media/')) {
      const file = media.get(req.url.slice('/media/'.length));
      res.writeHead(file ? 200 : 404, { 'Content-Type': 'image/jpeg' });
      res.end(file ?? '');
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://receiver.local');
      received.push({
        query: url.searchParams,
        contentType: req.headers['content-type'],
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const reply = replies.shift() ?? { status: 200, text: 'success' };
      res.writeHead(reply.status, { 'Content-Type': 'text/plain' });
      res.end(reply.text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/push`,
    base: `http://127.0.0.1:${port}`,
    received,
    replies,
    media,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
