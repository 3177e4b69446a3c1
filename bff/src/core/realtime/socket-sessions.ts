import type { Server, Socket } from 'socket.io';
import { AppError } from '../errors/app-error';
import type { AccessTokenService } from '../auth/access-token.service';
import type { SessionService } from '../auth/session.service';
import type { Principal } from '../auth/principal';
import type { RevocationEvent } from '../auth/revocation-events';
import { scopeRoomPath } from './scope-rooms';

/** Rooms that address a login session and a subject, so revocations can find their sockets. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
export const subjectRoom = (kind: string, id: string) => `${kind}:${id}`;

/** Client → server: replace the socket's access token with a fresh one (after a token refresh). */
export const RENEW_EVENT = 'auth:renew';

/**
 * How often every open socket's token is checked against the revocation records again. The
 * pub/sub announcement normally ends a revoked socket at once; this sweep catches an announcement
 * lost while a node's subscription was reconnecting (Redis pub/sub delivers at most once).
 */
export const REVOCATION_SWEEP_MS = 60_000;

export interface SocketData {
  principal: Principal;
  expiryTimer?: ReturnType<typeof setTimeout>;
}

export type RenewAck = (answer: { ok: true; expiresAt: number | null } | { ok: false; code: string }) => void;

/**
 * The HTTP guard's rules for a socket: a valid access token of a live session (not logged out, not
 * revoked by disable / role, scope or password change), and no `pwc` staff token (the password
 * must be changed first, which only the HTTP profile routes allow). Throws our error codes.
 */
export async function authenticateSocket(
  tokens: AccessTokenService,
  sessions: SessionService,
  token: unknown,
): Promise<Principal> {
  if (typeof token !== 'string' || !token) throw new AppError('AUTH_REQUIRED');
  const principal = tokens.verify(token);
  if (await sessions.isPrincipalRevoked(principal)) throw new AppError('AUTH_TOKEN_INVALID');
  if (principal.kind === 'staff' && principal.passwordChangeRequired)
    throw new AppError('AUTH_PASSWORD_CHANGE_REQUIRED');
  return principal;
}

/**
 * Keeps every open socket within the lifetime of what authenticated it: disconnects at the access
 * token's expiry unless the client renews it over the socket, at once when its session or subject
 * is revoked on any node, and on the periodic sweep. A disconnected client reconnects through the
 * handshake with its current (refreshed) token, so it never stays on a dead credential.
 */
export class SocketSessions {
  private sweepTimer?: ReturnType<typeof setInterval>;

  constructor(
    private readonly io: Server,
    private readonly tokens: AccessTokenService,
    private readonly sessions: SessionService,
    private readonly onError: (message: string) => void,
  ) {}

  /** Called for each authenticated socket on connect: rooms, expiry timer, renewal handler. */
  track(socket: Socket): void {
    const data = socket.data as SocketData;
    void socket.join(subjectRoom(data.principal.kind, data.principal.id));
    if (data.principal.sessionId) void socket.join(sessionRoom(data.principal.sessionId));
    this.armExpiry(socket);
    socket.on('disconnect', () => clearTimeout(data.expiryTimer));
    socket.on(RENEW_EVENT, (token: unknown, ack?: unknown) => {
      const reply: RenewAck = typeof ack === 'function' ? (ack as RenewAck) : () => undefined;
      this.renew(socket, token).then(
        (expiresAt) => reply({ ok: true, expiresAt }),
        (err: unknown) => reply({ ok: false, code: err instanceof AppError ? err.code : 'AUTH_TOKEN_INVALID' }),
      );
    });
  }

  startSweep(intervalMs = REVOCATION_SWEEP_MS): void {
    this.sweepTimer = setInterval(() => void this.sweep(), intervalMs);
    this.sweepTimer.unref();
  }

  stop(): void {
    clearInterval(this.sweepTimer);
    for (const socket of this.io.of('/').sockets.values()) clearTimeout((socket.data as SocketData).expiryTimer);
  }

  /** Ends this node's sockets that a revocation (announced by any node) has made invalid. */
  onRevocation(event: RevocationEvent): void {
    if (event.type === 'session') {
      // Local: every node hears the revocation and ends its own sockets.
      this.io.local.in(sessionRoom(event.sessionId)).disconnectSockets(true);
      return;
    }
    const room = this.io.of('/').adapter.rooms.get(subjectRoom(event.kind, event.subjectId));
    for (const id of room ?? []) {
      const socket = this.io.of('/').sockets.get(id);
      const issuedAt = (socket?.data as SocketData | undefined)?.principal.issuedAt;
      // Tokens issued after the revocation (e.g. the fresh pair after a password change) stay.
      if (socket && (issuedAt === undefined || issuedAt <= event.validAfter)) socket.disconnect(true);
    }
  }

  /** Checks every open socket against the revocation records again. */
  async sweep(): Promise<void> {
    const sockets = [...this.io.of('/').sockets.values()];
    await Promise.all(
      sockets.map(async (socket) => {
        try {
          if (await this.sessions.isPrincipalRevoked((socket.data as SocketData).principal)) socket.disconnect(true);
        } catch (err) {
          this.onError(`revocation sweep: ${(err as Error).message}`);
        }
      }),
    );
  }

  /**
   * Swaps the socket's token for a fresh one of the SAME login session and the same audience
   * (rooms were chosen from the old token; anything else must reconnect through the handshake).
   */
  private async renew(socket: Socket, token: unknown): Promise<number | null> {
    const data = socket.data as SocketData;
    const next = await authenticateSocket(this.tokens, this.sessions, token);
    const current = data.principal;
    const sameAudience =
      next.kind === current.kind &&
      next.id === current.id &&
      next.sessionId === current.sessionId &&
      scopeRoomPath(next) === scopeRoomPath(current) &&
      [...next.roles].sort().join() === [...current.roles].sort().join();
    if (!sameAudience) throw new AppError('AUTH_TOKEN_INVALID');
    data.principal = next;
    this.armExpiry(socket);
    return next.expiresAt ?? null;
  }

  private armExpiry(socket: Socket): void {
    const data = socket.data as SocketData;
    clearTimeout(data.expiryTimer);
    const expiresAt = data.principal.expiresAt;
    if (expiresAt === undefined) return;
    // setTimeout overflows above ~24.8 days; access tokens live at most a day (env validation).
    data.expiryTimer = setTimeout(() => socket.disconnect(true), Math.max(0, expiresAt - Date.now()));
    data.expiryTimer.unref();
  }
}
