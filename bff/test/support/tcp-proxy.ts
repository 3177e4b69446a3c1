import { createServer, connect, Server, Socket } from 'net';
import type { AddressInfo } from 'net';

/**
 * A loopback TCP proxy in front of a real service (MariaDB, Redis) that a test can break the way
 * services break in production: `cut()` — the service is down (connections reset, new ones refused);
 * `hang()` — the service is alive but stops answering (bytes are swallowed), like a stalled database
 * or a dead network path; `restore()` — back to normal for new connections.
 */
export interface TcpProxy {
  /** `host:port` clients should connect to. */
  readonly address: string;
  cut(): void;
  hang(): void;
  restore(): void;
  close(): Promise<void>;
}

type Mode = 'pass' | 'cut' | 'hang';

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  let mode: Mode = 'pass';
  const pairs = new Set<[Socket, Socket]>();

  const server: Server = createServer((client) => {
    if (mode === 'cut') {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, targetHost);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    // Forward only while passing; a hung proxy reads and discards, so the peer waits forever.
    client.on('data', (chunk) => (mode === 'pass' ? upstream.write(chunk) : undefined));
    upstream.on('data', (chunk) => (mode === 'pass' ? client.write(chunk) : undefined));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    address: `127.0.0.1:${port}`,
    cut() {
      mode = 'cut';
      for (const [client, upstream] of pairs) {
        client.destroy();
        upstream.destroy();
      }
      pairs.clear();
    },
    hang() {
      mode = 'hang';
    },
    restore() {
      mode = 'pass';
    },
    async close() {
      for (const [client, upstream] of pairs) {
        client.destroy();
        upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
