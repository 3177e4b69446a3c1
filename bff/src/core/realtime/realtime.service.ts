import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Server as HttpServer } from 'http';
import { Server, Socket } from 'socket.io';
import { AppError } from '../errors/app-error';
import { AccessTokenService } from '../auth/access-token.service';
import { SessionService } from '../auth/session.service';
import type { Principal } from '../auth/principal';

/** Rooms every socket joins on connect, so features can address a whole audience. */
export const Rooms = {
  staff: 'staff',
  user: (kind: string, id: string) => `${kind}:${id}`,
} as const;

interface SocketData {
  principal: Principal;
}

/**
 * socket.io attached to the BFF's HTTP server on `/socket.io`. The handshake must carry the same
 * access JWT as HTTP (`auth: { token }`); a bad token fails the connection with our error code.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class RealtimeService {
  @Inject()
  private tokens!: AccessTokenService;

  @Inject()
  private sessions!: SessionService;

  @Logger()
  private logger!: ILogger;

  private io?: Server;
  private readonly connectHandlers: ((socket: Socket) => void)[] = [];

  attach(server: HttpServer, corsOrigins: string[] | false): Server {
    const io = new Server(server, { path: '/socket.io', cors: corsOrigins ? { origin: corsOrigins } : undefined });
    io.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      const authenticate = async () => {
        if (typeof token !== 'string' || !token) throw new AppError('AUTH_REQUIRED');
        const principal = this.tokens.verify(token);
        if (await this.sessions.isPrincipalRevoked(principal)) {
          throw new AppError('AUTH_TOKEN_INVALID');
        }
        (socket.data as SocketData).principal = principal;
      };
      authenticate().then(
        () => next(),
        (err: unknown) => next(new Error(err instanceof AppError ? err.code : 'AUTH_TOKEN_INVALID')),
      );
    });
    io.on('connection', (socket) => {
      const { principal } = socket.data as SocketData;
      void socket.join(Rooms.user(principal.kind, principal.id));
      if (principal.kind === 'staff') void socket.join(Rooms.staff);
      for (const handler of this.connectHandlers) handler(socket);
    });
    this.io = io;
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

  roomSize(room: string): number {
    return this.io?.sockets.adapter.rooms.get(room)?.size ?? 0;
  }

  async close(): Promise<void> {
    if (!this.io) return;
    // Disconnect clients but leave the HTTP server to the framework.
    this.io.disconnectSockets(true);
    this.io.removeAllListeners();
    this.io = undefined;
  }
}
