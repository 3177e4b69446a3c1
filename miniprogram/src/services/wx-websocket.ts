import Taro from '@tarojs/taro';
import { transports } from 'engine.io-client';

/**
 * socket.io in the mini-program. WeChat has no browser `WebSocket`, only `wx.connectSocket` and its
 * SocketTask, so engine.io's websocket transport is given a socket built on that: the same wire
 * protocol and server, another pipe. (Long-polling is not offered: the BFF's socket.io accepts the
 * websocket transport directly.)
 */

type TaskEvent = { code?: number; reason?: string; data?: string | ArrayBuffer; errMsg?: string };

/** The members of a browser WebSocket that engine.io's websocket transport uses. */
export class SocketTaskWebSocket {
  binaryType = 'arraybuffer';
  onopen: (() => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onmessage: ((event: { data: string | ArrayBuffer }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  private task: Taro.SocketTask | null = null;
  private closed = false;

  constructor(url: string) {
    // Taro answers the SocketTask through a promise; engine.io writes only after onopen, so nothing
    // can be sent before it is there.
    Promise.resolve(Taro.connectSocket({ url, tcpNoDelay: true }))
      .then((task) => {
        this.task = task;
        if (this.closed) {
          task.close({});
          return;
        }
        task.onOpen(() => this.onopen?.());
        task.onMessage((e: TaskEvent) => this.onmessage?.({ data: e.data ?? '' }));
        task.onError((e: TaskEvent) => this.onerror?.(e));
        task.onClose((e: TaskEvent) => this.onclose?.({ code: e.code ?? 1006, reason: e.reason ?? '' }));
      })
      .catch((err: unknown) => {
        this.onerror?.(err);
        this.onclose?.({ code: 1006, reason: 'connectSocket failed' });
      });
  }

  send(data: string | ArrayBuffer): void {
    if (!this.task) throw new Error('socket not open');
    this.task.send({ data });
  }

  close(): void {
    this.closed = true;
    this.task?.close({});
  }
}

/** engine.io's websocket transport, speaking through a SocketTask. */
export class WxWebSocketTransport extends transports.websocket {
  createSocket(uri: string): SocketTaskWebSocket {
    return new SocketTaskWebSocket(uri);
  }
}
