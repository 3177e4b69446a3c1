import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Server as HttpServer } from 'http';
import { Server, Socket } from 'socket.io';
import { hasPermission, Permission } from '@zhili/shared';
import { AppError } from '../errors/app-error';
import { AccessTokenService } from '../auth/access-token.service';
import { SessionService } from '../auth/session.service';
import { parseRevocationEvent, REVOCATION_CHANNEL } from '../auth/revocation-events';
import { InfraService } from '../infra/infra.service';
import type { Unsubscribe } from '../infra/types';
import { scopeRoomPath, scopeRoomsOf } from './scope-rooms';
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

/** Cross-node broadcast channel: every node emits what any node publishes to its own sockets. */
const BROADCAST_CHANNEL = 'realtime:broadcast';

interface Broadcast {
  rooms: string[];
  event: string;
  payload: unknown;
}

/**
 * socket.io attached to the BFF's HTTP server on `/socket.io`. The handshake must carry the same
 * access JWT as HTTP (`auth: { token }`) and passes the guard's rules (see authenticateSocket); a
 * refused one fails the connection with our error code. Open sockets end with their token or its
 * revocation (SocketSessions).
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
  private unsubscribeBroadcast?: Promise<Unsubscribe>;
  private unsubscribeRevocations?: Promise<Unsubscribe>;
  private socketSessions?: SocketSessions;
  private readonly connectHandlers: ((socket: Socket) => void)[] = [];

  attach(server: HttpServer, corsOrigins: string[] | false): Server {
    const io = new Server(server, { path: '/socket.io', cors: corsOrigins ? { origin: corsOrigins } : undefined });
    const socketSessions = new SocketSessions(io, this.tokens, this.sessions, (message) => this.logger.warn('[realtime] %s', message));
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
    this.unsubscribeBroadcast = this.infraService.infra.pubsub
      .subscribe(BROADCAST_CHANNEL, (message) => this.onBroadcast(message))
      .catch((err: unknown) => {
        this.logger.error('[realtime] cannot subscribe to broadcasts: %s', (err as Error).message);
        return async () => undefined;
      });
    this.logger.info('socket.io attached on /socket.io');
    return io;
  }

  /** Registers work to do for every new authenticated socket (e.g. send the current state). */
  onConnect(handler: (socket: Socket) => void): void {
    this.connectHandlers.push(handler);
  }

  emitToRoom(room: string, event: string, payload: unknown): void {
    this.io?.to(room).emit(event, payload);
  }

  /**
   * Emits to the sockets in any of `rooms` on EVERY node (via the infra pub/sub), each socket once
   * even when it is in several of the rooms. Use it for events caused by data changes, which may be
   * processed on a node other than the one holding the audience's sockets.
   */
  async broadcast(rooms: readonly string[], event: string, payload: unknown): Promise<void> {
    if (!rooms.length) return;
    const message: Broadcast = { rooms: [...rooms], event, payload };
    await this.infraService.infra.pubsub.publish(BROADCAST_CHANNEL, JSON.stringify(message));
  }

  /**
   * Emits to the staff who see a record with this `scope_path`: the scope rooms of the path and of
   * every ancestor, up to `/` (super admin).
   */
  emitToScope(scopePath: string, event: string, payload: unknown): Promise<void> {
    return this.broadcast(scopeRoomsOf(scopePath).map(Rooms.scope), event, payload);
  }

  private onBroadcast(message: string): void {
    if (!this.io) return;
    try {
      const { rooms, event, payload } = JSON.parse(message) as Broadcast;
      this.io.to(rooms).emit(event, payload);
    } catch (err) {
      this.logger.warn('[realtime] bad broadcast message: %s', (err as Error).message);
    }
  }

  roomSize(room: string): number {
    return this.io?.sockets.adapter.rooms.get(room)?.size ?? 0;
  }

  async close(): Promise<void> {
    if (!this.io) return;
    const unsubscribes = [this.unsubscribeBroadcast, this.unsubscribeRevocations];
    this.unsubscribeBroadcast = undefined;
    this.unsubscribeRevocations = undefined;
    await Promise.all(unsubscribes.map((unsubscribe) => unsubscribe?.then((stop) => stop()).catch(() => undefined)));
    this.socketSessions?.stop();
    this.socketSessions = undefined;
    // Disconnect clients but leave the HTTP server to the framework.
    this.io.disconnectSockets(true);
    this.io.removeAllListeners();
    this.io = undefined;
  }
}
