import type { MpTaskItemVO } from '@zhili/shared';
import { io } from 'socket.io-client';
import { getSession } from '../../services/session';

/**
 * h5: the BFF's socket.io (same origin, `/socket.io`, access token in the handshake). The worker's
 * socket joins the room `mp:<id>`, where `task:assigned` arrives when a case is dispatched to them.
 */
export const liveTasksAvailable = true;

/** Retry delay after the server refused the handshake (socket.io retries only transport errors). */
const REFUSED_RETRY_MS = 15_000;

export function subscribeTaskAssigned(onTask: (task: MpTaskItemVO) => void): () => void {
  const socket = io({
    path: '/socket.io',
    transports: ['websocket', 'polling'],
    // Read at every (re)connect, so a refreshed token is used.
    auth: (cb) => cb({ token: getSession()?.accessToken ?? '' }),
  });
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
