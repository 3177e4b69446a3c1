import { createAdapter } from '@socket.io/redis-adapter';
import type Redis from 'ioredis';
import { RedisInfra } from '../infra/redis-infra';
import type { Infra } from '../infra/types';

/** socket.io's Redis adapter names its channels after this key: `<prefix>socket.io#/#…`. */
export const socketAdapterKey = (keyPrefix: string) => `${keyPrefix}socket.io`;

/**
 * How socket.io reaches the sockets of other BFF nodes. With Redis, `@socket.io/redis-adapter`
 * carries room emits, `fetchSockets` and `disconnectSockets` across nodes; without it (one
 * embedded process) socket.io keeps its in-memory adapter.
 */
export interface SocketAdapter {
  /** Given to socket.io's `adapter` option; undefined = its in-memory default. */
  readonly adapter?: ReturnType<typeof createAdapter>;
  /** False while Redis is unreachable: an emit now would reach this node's sockets only. */
  connected(): boolean;
  close(): Promise<void>;
}

const IN_MEMORY: SocketAdapter = { connected: () => true, close: async () => undefined };

/**
 * Opens the adapter's two connections (a subscribed connection can run nothing else). Unlike the
 * infra's own connection they queue commands while reconnecting and never give up on one: the
 * adapter publishes without waiting for the answer, so a rejected publish would be an unhandled
 * rejection. Callers that must not lose an emit check `connected()` first.
 */
export async function openSocketAdapter(infra: Infra): Promise<SocketAdapter> {
  if (!(infra instanceof RedisInfra)) return IN_MEMORY;
  const options = { enableOfflineQueue: true, maxRetriesPerRequest: null };
  const pub = await infra.openConnection(options);
  let sub: Redis;
  try {
    sub = await infra.openConnection(options);
  } catch (err) {
    pub.disconnect();
    throw err;
  }
  for (const connection of [pub, sub]) {
    connection.on('error', () => {
      // ioredis reconnects on its own; the outage shows in connected() and the health check.
    });
  }
  return {
    adapter: createAdapter(pub, sub, { key: socketAdapterKey(infra.keyPrefix) }),
    connected: () => pub.status === 'ready' && sub.status === 'ready',
    close: async () => {
      // QUIT would wait in the offline queue for a Redis that is down: just drop the connection then.
      await Promise.allSettled(
        [pub, sub].map((c) => (c.status === 'ready' ? c.quit() : Promise.resolve(c.disconnect()))),
      );
    },
  };
}
