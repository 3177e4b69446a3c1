import { createServer, type Server as HttpServer } from 'http';
import type { AddressInfo } from 'net';
import { Server } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import { WxWebSocketTransport } from './wx-websocket';

/**
 * socket.io through the SocketTask-backed transport, against a real socket.io server: the handshake
 * with the token, an event pushed by the server, one sent by the client, and a refused token.
 * (The Taro mock's connectSocket is a real WebSocket, as wx.connectSocket is on a phone.)
 */
describe('socket.io over wx.connectSocket', () => {
  let http: HttpServer;
  let server: Server;
  let url: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    http = createServer();
    server = new Server(http, { path: '/socket.io', transports: ['websocket'] });
    server.use((socket, next) =>
      socket.handshake.auth?.token === 'good-token' ? next() : next(new Error('AUTH_REQUIRED')),
    );
    server.on('connection', (socket) => {
      socket.emit('task:assigned', { task: { id: 'task-1' } });
      socket.on('echo', (text: string, ack: (reply: string) => void) => ack(`echo:${text}`));
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const connect = (token: string) => {
    const socket = io(url, {
      path: '/socket.io',
      transports: [WxWebSocketTransport],
      auth: { token },
      reconnection: false,
    });
    sockets.push(socket);
    return socket;
  };

  it('connects with the token, receives a pushed event and sends one with an acknowledgement', async () => {
    const socket = connect('good-token');
    const task = await new Promise<{ task: { id: string } }>((resolve, reject) => {
      socket.on('task:assigned', resolve);
      socket.on('connect_error', reject);
    });
    expect(task.task.id).toBe('task-1');
    expect(socket.io.engine.transport.name).toBe('websocket');
    await expect(socket.timeout(2000).emitWithAck('echo', '派单')).resolves.toBe('echo:派单');
    socket.disconnect();
    expect(socket.connected).toBe(false);
  });

  it('reports a refused handshake as connect_error', async () => {
    const socket = connect('stolen-token');
    const err = await new Promise<Error>((resolve) => socket.on('connect_error', resolve));
    expect(err.message).toBe('AUTH_REQUIRED');
  });
});
