import type { MpTaskItemVO, TaskAssignedEvent } from '@zhili/shared/client';
import { io, type ManagerOptions } from 'socket.io-client';
import { refreshAccessToken } from '../../services/request';
import { getSession } from '../../services/session';

/**
 * The worker's live task feed: the BFF's socket.io (access token in the handshake) puts the socket in
 * the room `mp:<id>`, where `task:assigned` arrives when a case is dispatched to them. The h5 and
 * weapp builds differ only in where the server is and how the websocket is opened.
 */

/** Retry delay after the server refused the handshake (socket.io retries only transport errors). */
const REFUSED_RETRY_MS = 15_000;
/**
 * Delay before reconnecting after the server ended the socket: it does so when the access token
 * expires or the session is revoked, and socket.io never reconnects such a socket by itself.
 */
const KICKED_RETRY_MS = 1_000;

export function subscribeTaskAssignedVia(
  url: string | undefined,
  transports: ManagerOptions['transports'],
  onTask: (task: MpTaskItemVO) => void,
): () => void {
  const options = {
    path: '/socket.io',
    transports,
    // Read at every (re)connect, so a refreshed token is used.
    auth: (cb: (data: object) => void) => cb({ token: getSession()?.accessToken ?? '' }),
  };
  const socket = url ? io(url, options) : io(options);
  let retry: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const reconnectIn = (ms: number) => {
    if (retry) clearTimeout(retry);
    retry = stopped ? null : setTimeout(() => socket.connect(), ms);
  };
  // Payload typed in @zhili/shared (socket-events); checked anyway: an old BFF may send less.
  socket.on('task:assigned', (payload: Partial<TaskAssignedEvent> | undefined) => {
    if (payload?.task) onTask(payload.task);
  });
  socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect') reconnectIn(KICKED_RETRY_MS);
  });
  socket.on('connect_error', (err) => {
    if (socket.active) return;
    // An expired token (e.g. the app sat idle): refresh it like an HTTP call would, then reconnect.
    if (err.message === 'AUTH_TOKEN_EXPIRED') {
      void refreshAccessToken().then((ok) => reconnectIn(ok ? 0 : REFUSED_RETRY_MS));
      return;
    }
    reconnectIn(REFUSED_RETRY_MS);
  });
  return () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    socket.disconnect();
  };
}
