/**
 * The staff realtime connection (socket.io, same origin, path `/socket.io`).
 *
 * One shared socket for the whole admin app, reference-counted by `useStaffSocket()`: it connects
 * when the first component needs it and disconnects when the last one is gone or on sign-out.
 * The handshake sends `auth: { token }` read at (re)connect time, so refreshed tokens are used.
 * Transport failures are retried by socket.io itself. A handshake rejected with an auth code
 * (AUTH_REQUIRED / AUTH_TOKEN_INVALID / AUTH_TOKEN_EXPIRED) triggers one token refresh and a
 * reconnect; if the BFF refuses the refresh the session is expired (→ login). Other rejections and
 * server-side kicks are retried by us after a delay. Meanwhile callers poll over HTTP.
 *
 * The BFF ends a socket when its access token expires, and at once when its session is revoked
 * (logout, disabled account, role change…). So whenever the HTTP client refreshes the token, the
 * live socket is handed the fresh one (`auth:renew`, same session); if the BFF refuses it, the
 * socket reconnects through the handshake with the fresh token.
 */
import { readonly, ref, watch, type Ref } from 'vue';
import { io, type Socket } from 'socket.io-client';
import { expireSession, refreshSession } from '@/api/http';
import { getAccessToken, sessionTokens } from '@/api/session';
import type { ClientToServerEvents, RenewAnswer, ServerToClientEvents } from '@zhili/shared';

export type { ClientToServerEvents, RenewAnswer, ServerToClientEvents } from '@zhili/shared';

export type StaffSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type RealtimeState = 'idle' | 'connecting' | 'connected' | 'disconnected';

const AUTH_ERRORS = new Set(['AUTH_REQUIRED', 'AUTH_TOKEN_INVALID', 'AUTH_TOKEN_EXPIRED']);
/** Retry delay after the server refused or dropped us (socket.io does not retry those itself). */
const MANUAL_RETRY_MS = 15_000;

const state = ref<RealtimeState>('idle');
let socket: StaffSocket | null = null;
let users = 0;
let authRecoveryUsed = false;
let retryTimer: ReturnType<typeof setTimeout> | null = null;

function cancelRetry(): void {
  if (retryTimer !== null) clearTimeout(retryTimer);
  retryTimer = null;
}

function connectNow(target: StaffSocket): void {
  cancelRetry();
  if (users === 0 || target !== socket || target.connected || !getAccessToken()) return;
  state.value = 'connecting';
  target.connect();
}

function scheduleRetry(target: StaffSocket, delayMs: number): void {
  cancelRetry();
  retryTimer = setTimeout(() => connectNow(target), delayMs);
}

/** One token refresh per outage, then one reconnect; a refused refresh ends the session. */
async function recoverAuth(target: StaffSocket): Promise<void> {
  if (authRecoveryUsed) {
    scheduleRetry(target, MANUAL_RETRY_MS);
    return;
  }
  authRecoveryUsed = true;
  const outcome = await refreshSession();
  if (outcome === 'rejected') {
    expireSession();
    return;
  }
  if (outcome === 'ok') connectNow(target);
  else scheduleRetry(target, MANUAL_RETRY_MS);
}

function createSocket(): StaffSocket {
  const created: StaffSocket = io({
    path: '/socket.io',
    autoConnect: false,
    auth: (cb) => cb({ token: getAccessToken() ?? '' }),
    reconnectionDelay: 1_000,
    reconnectionDelayMax: 10_000,
    timeout: 10_000,
  });

  created.on('connect', () => {
    state.value = 'connected';
    authRecoveryUsed = false;
    cancelRetry();
  });
  created.on('disconnect', (reason) => {
    state.value = 'disconnected';
    // The server dropped us on purpose: socket.io will not reconnect, so try again shortly; an
    // auth problem then shows up as a rejected handshake below.
    if (reason === 'io server disconnect') scheduleRetry(created, 2_000);
  });
  created.on('connect_error', (err) => {
    state.value = 'disconnected';
    if (created.active) return; // transport problem: socket.io keeps retrying by itself
    // Middleware rejection: socket.io gives up, so recover the token or retry later ourselves.
    if (AUTH_ERRORS.has(err.message)) void recoverAuth(created);
    else scheduleRetry(created, MANUAL_RETRY_MS);
  });
  created.io.on('reconnect_attempt', () => {
    if (state.value !== 'connected') state.value = 'connecting';
  });
  return created;
}

function acquire(): StaffSocket {
  users += 1;
  socket ??= createSocket();
  if (!socket.connected && !socket.active && getAccessToken()) {
    state.value = 'connecting';
    socket.connect();
  }
  return socket;
}

function release(): void {
  users = Math.max(0, users - 1);
  if (users === 0) shutdown();
}

function shutdown(): void {
  cancelRetry();
  socket?.disconnect();
  state.value = 'idle';
  authRecoveryUsed = false;
}

/** Hands the live socket a refreshed token; a refused one reconnects with it through the handshake. */
function renew(target: StaffSocket, token: string): void {
  target.timeout(10_000).emit('auth:renew', token, (err: Error | null, answer?: RenewAnswer) => {
    if (target !== socket || users === 0) return;
    if (!err && answer?.ok) return;
    target.disconnect();
    connectNow(target);
  });
}

// Signing out (or an expired session) closes the realtime channel; a refreshed token renews it.
watch(sessionTokens, (tokens, previous) => {
  if (!tokens) {
    shutdown();
    return;
  }
  if (!socket || tokens.accessToken === previous?.accessToken) return;
  if (socket.connected) renew(socket, tokens.accessToken);
  // E.g. refused while the password had to be changed: the new token may open it now.
  else if (!socket.active) connectNow(socket);
});

/** Read-only view of the connection state plus the shared socket. */
export function staffSocket(): {
  state: Readonly<Ref<RealtimeState>>;
  acquire: () => StaffSocket;
  release: () => void;
} {
  return { state: readonly(state), acquire, release };
}
