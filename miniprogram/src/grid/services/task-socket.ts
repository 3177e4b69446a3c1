import type { MpTaskItemVO } from '@zhili/shared';
import { io, type ManagerOptions } from 'socket.io-client';
import { getSession } from '../../services/session';

/**
 * The worker's live task feed: the BFF's socket.io (access token in the handshake) puts the socket in
 * the room `mp:<id>`, where `task:assigned` arrives when a case is dispatched to them. The h5 and
 * weapp builds differ only in where the server is and how the websocket is opened.
 */

/** Retry delay after the server refused the handshake (socket.io retries only transport errors). */
const REFUSED_RETRY_MS = 15_000;

export function subscribeTaskAssignedVia(url: string | undefined, transports: ManagerOptions['transports'], onTask: (task: MpTaskItemVO) => void): () => void {
  const options = {
    path: '/socket.io',
    transports,
    // Read at every (re)connect, so a refreshed token is used.
    auth: (cb: (data: object) => void) => cb({ token: getSession()?.accessToken ?? '' }),
  };
  const socket = url ? io(url, options) : io(options);
  let retry: ReturnType<typeof setTimeout> | null = null;
  socket.on('task:assigned', (payload: { task?: MpTaskItemVO }) => {
    if (payload?.task) onTask(payload.task);
  });
  socket.on('connect_error', () => {
    if (socket.active) return;
    if (retry) clearTimeout(retry);
    retry = setTimeout(() => socket.connect(), REFUSED_RETRY_MS);
  });
  return () => {
    if (retry) clearTimeout(retry);
    socket.disconnect();
  };
}
