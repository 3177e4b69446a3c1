import { createServer, type Server as HttpServer } from 'http';
import type { AddressInfo } from 'net';
import { Server } from 'socket.io';
import type { MpTaskItemVO } from '@zhili/shared/client';
import { requests, resetTaroMock, respondWith } from '../../../test/taro-mock';
import { saveTokens } from '../../services/session';
import { subscribeTaskAssignedVia } from './task-socket';

/**
 * The worker's task socket follows the BFF's session rules: the BFF ends a socket when its access
 * token expires or its session is revoked, and refuses an expired token at the handshake. The
 * client must then come back with a fresh token instead of staying silent.
 */
describe('task socket reconnects with a fresh token', () => {
  let http: HttpServer;
  let server: Server;
  let url: string;
  /** Tokens each accepted handshake carried, in order. */
  const accepted: string[] = [];
  const stops: Array<() => void> = [];

  beforeAll(async () => {
    http = createServer();
    server = new Server(http, { path: '/socket.io', transports: ['websocket'] });
    server.use((socket, next) => {
      const token = String(socket.handshake.auth?.token ?? '');
      if (token.startsWith('fresh')) return next();
      next(new Error(token === 'expired-token' ? 'AUTH_TOKEN_EXPIRED' : 'AUTH_TOKEN_INVALID'));
    });
    server.on('connection', (socket) => {
      accepted.push(String(socket.handshake.auth.token));
      socket.emit('task:assigned', { task: { id: `task-${accepted.length}` } });
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  beforeEach(() => {
    resetTaroMock();
    accepted.length = 0;
  });
  afterEach(() => stops.splice(0).forEach((stop) => stop()));
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const eventually = async (check: () => boolean, ms = 5000) => {
    const until = Date.now() + ms;
    while (!check()) {
      if (Date.now() > until) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  it('refreshes an expired token through the request client and connects with the new one', async () => {
    saveTokens({ accessToken: 'expired-token', refreshToken: 'refresh-1', expiresIn: 900 });
    respondWith(() => ({
      statusCode: 200,
      data: { data: { accessToken: 'fresh-after-refresh', refreshToken: 'refresh-2', expiresIn: 900 } },
    }));
    const tasks: MpTaskItemVO[] = [];
    stops.push(subscribeTaskAssignedVia(url, ['websocket'], (task) => tasks.push(task)));
    await eventually(() => tasks.length === 1);
    expect(requests.map((r) => [r.method, r.url])).toEqual([['POST', 'http://bff.test/api/mp/auth/refresh']]);
    expect(accepted).toEqual(['fresh-after-refresh']);
  });

  it('reconnects with the current token after the server ended the socket (expiry, revocation)', async () => {
    saveTokens({ accessToken: 'fresh-1', refreshToken: 'refresh-1', expiresIn: 900 });
    const tasks: MpTaskItemVO[] = [];
    stops.push(subscribeTaskAssignedVia(url, ['websocket'], (task) => tasks.push(task)));
    await eventually(() => tasks.length === 1);
    // Meanwhile the app refreshed its token; the server then ends the old socket.
    saveTokens({ accessToken: 'fresh-2', refreshToken: 'refresh-2', expiresIn: 900 });
    server.disconnectSockets(true);
    await eventually(() => tasks.length === 2);
    expect(accepted).toEqual(['fresh-1', 'fresh-2']);
  });
});
