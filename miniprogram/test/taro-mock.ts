/**
 * A stand-in for @tarojs/taro in unit tests: in-memory storage, recorded toasts and a scriptable
 * `request` (each call is answered by the next queued responder).
 */
export interface FakeRequest {
  url: string;
  /** uploadFile only: the local file and its multipart field name. */
  filePath?: string;
  name?: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
}
export type Responder = (
  req: FakeRequest,
) => { statusCode: number; data: unknown } | Promise<{ statusCode: number; data: unknown }>;

export const storage = new Map<string, unknown>();
export const toasts: string[] = [];
export const requests: FakeRequest[] = [];
let responders: Responder[] = [];

export function respondWith(...next: Responder[]): void {
  responders.push(...next);
}

export function resetTaroMock(): void {
  storage.clear();
  toasts.length = 0;
  requests.length = 0;
  responders = [];
}

const Taro = {
  getStorageSync: (key: string): unknown => (storage.has(key) ? storage.get(key) : ''),
  setStorageSync: (key: string, value: unknown): void => void storage.set(key, value),
  removeStorageSync: (key: string): void => void storage.delete(key),
  clearStorageSync: (): void => storage.clear(),
  getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
  showToast: (opts: { title: string }): Promise<void> => {
    toasts.push(opts.title);
    return Promise.resolve();
  },
  request: async (req: FakeRequest) => {
    requests.push(req);
    const responder = responders.shift();
    if (!responder) throw new Error(`unexpected request ${req.method} ${req.url}`);
    return responder(req);
  },
  // Like WeChat's, uploadFile answers the body as a string.
  uploadFile: async (req: FakeRequest) => {
    requests.push({ ...req, method: 'UPLOAD' });
    const responder = responders.shift();
    if (!responder) throw new Error(`unexpected upload ${req.url}`);
    const res = await responder(req);
    return { statusCode: res.statusCode, data: JSON.stringify(res.data) };
  },
  login: () => Promise.resolve({ code: 'test-code' }),
  // wx.connectSocket's SocketTask over a real WebSocket (the `ws` package), as Taro answers it.
  connectSocket: async (opts: { url: string }) => {
    const { WebSocket } = await import('ws');
    const ws = new WebSocket(opts.url);
    return {
      onOpen: (cb: () => void) => ws.on('open', cb),
      onMessage: (cb: (e: { data: string | ArrayBuffer }) => void) =>
        ws.on('message', (data, isBinary) =>
          cb({ data: isBinary ? ((data as Buffer).buffer as ArrayBuffer) : data.toString() }),
        ),
      onError: (cb: (e: { errMsg: string }) => void) => ws.on('error', (err) => cb({ errMsg: err.message })),
      onClose: (cb: (e: { code: number; reason: string }) => void) =>
        ws.on('close', (code, reason) => cb({ code, reason: reason.toString() })),
      send: (o: { data: string | ArrayBuffer }) => ws.send(o.data),
      close: () => ws.close(),
    };
  },
  getCurrentPages: () => [],
  navigateTo: () => Promise.resolve(),
  getNetworkType: () => Promise.resolve({ networkType: 'wifi' }),
};

export default Taro;
