import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { ServerEventName, ServerEventPayload } from '@zhili/shared';
import type { Server as HttpServer } from 'http';
import { Server, Socket } from 'socket.io';
import { hasPermission, Permission } from '@zhili/shared';
import { AppError } from '../errors/app-error';
import { DependencyUnavailableError } from '../errors/dependency-errors';
import { AccessTokenService } from '../auth/access-token.service';
import { SessionService } from '../auth/session.service';
import { parseRevocationEvent, REVOCATION_CHANNEL } from '../auth/revocation-events';
import { InfraService } from '../infra/infra.service';
import type { Unsubscribe } from '../infra/types';
import { scopeRoomPath, scopeRoomsOf } from './scope-rooms';
import { openSocketAdapter, SocketAdapter } from './socket-adapter';
import { authenticateSocket, SocketData, SocketSessions, subjectRoom } from './socket-sessions';

/** Rooms every socket joins on connect, so features can address a whole audience. */
export const Rooms = {
  staff: 'staff',
  /** Staff who may see server internals (`system:status`): the health pushes go only here. */
  systemStatus: 'system-status',
  user: subjectRoom,
  /** Staff allowed to read cases whose data scope is exactly this region path (`/` = everything). */
  scope: (scopePath: string) => `scope:${scopePath}`,
} as const;

/**
 * socket.io attached to the BFF's HTTP server on `/socket.io`. The handshake must carry the same
 * access JWT as HTTP (`auth: { token }`) and passes the guard's rules (see authenticateSocket); a
 * refused one fails the connection with our error code. Open sockets end with their token or its
 * revocation (SocketSessions). With Redis, socket.io's Redis adapter joins the nodes (socket-adapter.ts).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class RealtimeService {
  @Inject()
  private tokens!: AccessTokenService;

  @Inject()
  private sessions!: SessionService;

  @Inject()
  private infraService!: InfraService;

  @Logger()
  private logger!: ILogger;

  private io?: Server;
  private socketAdapter?: SocketAdapter;
  private unsubscribeRevocations?: Promise<Unsubscribe>;
  private socketSessions?: SocketSessions;
  private readonly connectHandlers: ((socket: Socket) => void)[] = [];

  async attach(server: HttpServer, corsOrigins: string[] | false): Promise<Server> {
    const socketAdapter = await openSocketAdapter(this.infraService.infra);
    const io = new Server(server, {
      path: '/socket.io',
      cors: corsOrigins ? { origin: corsOrigins } : undefined,
      adapter: socketAdapter.adapter,
    });
    this.socketAdapter = socketAdapter;
    const socketSessions = new SocketSessions(io, this.tokens, this.sessions, (message) =>
      this.logger.warn('[realtime] %s', message),
    );
    io.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      authenticateSocket(this.tokens, this.sessions, token).then(
        (principal) => {
          (socket.data as SocketData).principal = principal;
          next();
        },
        (err: unknown) => next(new Error(err instanceof AppError ? err.code : 'AUTH_TOKEN_INVALID')),
      );
    });
    io.on('connection', (socket) => {
      const { principal } = socket.data as SocketData;
      socketSessions.track(socket);
      if (principal.kind === 'staff') void socket.join(Rooms.staff);
      if (principal.kind === 'staff' && hasPermission(principal.roles, Permission.SystemStatus, principal.grants)) {
        void socket.join(Rooms.systemStatus);
      }
      const scopePath = scopeRoomPath(principal);
      if (scopePath) void socket.join(Rooms.scope(scopePath));
      for (const handler of this.connectHandlers) handler(socket);
    });
    this.io = io;
    this.socketSessions = socketSessions;
    socketSessions.startSweep();
    this.unsubscribeRevocations = this.infraService.infra.pubsub
      .subscribe(REVOCATION_CHANNEL, (message) => {
        const event = parseRevocationEvent(message);
        if (event) socketSessions.onRevocation(event);
      })
      .catch((err: unknown) => {
        this.logger.error('[realtime] cannot subscribe to revocations: %s', (err as Error).message);
        return async () => undefined;
      });
    this.logger.info('socket.io attached on /socket.io');
    return io;
  }

  /** Registers work to do for every new authenticated socket (e.g. send the current state). */
  onConnect(handler: (socket: Socket) => void): void {
    this.connectHandlers.push(handler);
  }

  /** Emits to the room's sockets on THIS node only (e.g. this node's own health report). */
  emitToRoom<E extends ServerEventName>(room: string, event: E, payload: ServerEventPayload<E>): void {
    this.io?.local.to(room).emit(event, payload);
  }

  /**
   * Emits to the sockets in any of `rooms` on EVERY node (through the socket.io adapter), each
   * socket once even when it is in several of the rooms. Use it for events caused by data changes,
   * which may be processed on a node other than the one holding the audience's sockets. Throws
   * while the nodes cannot reach each other, so the outbox delivers the event again later.
   */
  async broadcast<E extends ServerEventName>(
    rooms: readonly string[],
    event: E,
    payload: ServerEventPayload<E>,
  ): Promise<void> {
    if (!rooms.length || !this.io) return;
    if (this.socketAdapter && !this.socketAdapter.connected()) {
      throw new DependencyUnavailableError('cache', new Error('socket.io adapter is not connected to Redis'));
    }
    this.io.to([...rooms]).emit(event, payload);
  }

  /**
   * Emits to the staff who see a record with this `scope_path`: the scope rooms of the path and of
   * every ancestor, up to `/` (super admin).
   */
  emitToScope<E extends ServerEventName>(scopePath: string, event: E, payload: ServerEventPayload<E>): Promise<void> {
    return this.broadcast(scopeRoomsOf(scopePath).map(Rooms.scope), event, payload);
  }

  /** Sockets in the room on this node. */
  roomSize(room: string): number {
    return this.io?.sockets.adapter.rooms.get(room)?.size ?? 0;
  }

  async close(): Promise<void> {
    if (!this.io) return;
    const unsubscribe = this.unsubscribeRevocations;
    this.unsubscribeRevocations = undefined;
    await unsubscribe?.then((stop) => stop()).catch(() => undefined);
    this.socketSessions?.stop();
    this.socketSessions = undefined;
    // Disconnect clients but leave the HTTP server to the framework.
    this.io.local.disconnectSockets(true);
    this.io.removeAllListeners();
    this.io = undefined;
    await this.socketAdapter?.close();
    this.socketAdapter = undefined;
  }
}
