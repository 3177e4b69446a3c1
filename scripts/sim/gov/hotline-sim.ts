// The simulated 12345 hotline platform (政务服务便民热线): work orders for the town, pulled by
// cursor or pushed to the BFF's callback, receipts, and the status updates the town reports back.
import { HotlineState } from './hotline-state';
import { Pusher } from './push';
import { startGovServer, type DevRequest, type DevResult } from './server';
import { HOTLINE_PATHS, type HotlineSim, type GovSimOptions, type NewHotlineOrder } from './types';

/** Starts the simulator; every platform call must be signed with `appKey`/`appSecret`. */
export async function startHotlineSim(options: GovSimOptions): Promise<HotlineSim> {
  const now = options.now ?? Date.now;
  const state = new HotlineState(now);
  let pushUrl = options.pushUrl ?? null;
  const pusher = new Pusher({
    appKey: options.appKey,
    appSecret: options.appSecret,
    now,
    maxAttempts: options.push?.maxAttempts ?? 5,
    baseDelayMs: options.push?.baseDelayMs ?? 1000,
    timeoutMs: options.push?.timeoutMs ?? 5000,
  });
  const inFlight = new Set<Promise<boolean>>();

  const pushOrder = (orderNo: string): Promise<boolean> => {
    const order = state.get(orderNo);
    if (!order || !pushUrl) return Promise.resolve(false);
    const job = pusher.push(pushUrl, orderNo, { type: 'order.created', order });
    inFlight.add(job);
    void job.finally(() => inFlight.delete(job));
    return job;
  };

  const createOrder = (input: NewHotlineOrder = {}) => {
    const order = state.create(input);
    void pushOrder(order.orderNo);
    return order;
  };

  const dev = (req: DevRequest): DevResult | null => {
    if (req.path === '/__dev/orders' && req.method === 'POST') {
      return { status: 201, body: createOrder((req.body ?? {}) as NewHotlineOrder) };
    }
    if (req.path === '/__dev/orders') return { status: 200, body: state.orders() };
    const push = /^\/__dev\/orders\/([^/]+)\/push$/.exec(req.path);
    if (push && req.method === 'POST') {
      const known = state.get(decodeURIComponent(push[1]));
      if (!known) return { status: 404, body: { error: 'no such order' } };
      void pushOrder(known.orderNo);
      return { status: 202, body: { orderNo: known.orderNo, pushUrl } };
    }
    if (req.path === '/__dev/status-updates') {
      const orderNo = req.query.get('orderNo');
      const updates = orderNo ? state.statusLog.filter((u) => u.orderNo === orderNo) : state.statusLog;
      return { status: 200, body: { updates, duplicates: state.duplicates } };
    }
    if (req.path === '/__dev/acks') return { status: 200, body: state.acks };
    if (req.path === '/__dev/pushes') return { status: 200, body: pusher.log };
    return null;
  };

  const server = await startGovServer(
    'hotline-sim',
    options,
    {
      [HOTLINE_PATHS.queryOrders]: (body) => state.query(body),
      [HOTLINE_PATHS.ackOrder]: (body) => state.ack(body),
      [HOTLINE_PATHS.reportStatus]: (body) => state.reportStatus(body),
    },
    dev,
  );

  return {
    url: server.url,
    port: server.port,
    createOrder,
    pushOrder,
    orders: () => state.orders(),
    statusLog: () => [...state.statusLog],
    duplicateStatusUpdates: () => state.duplicates,
    acks: () => [...state.acks],
    pushes: () => [...pusher.log],
    setPushUrl: (url) => {
      pushUrl = url;
    },
    setFaults: (patch) => server.faults.update(patch),
    requests: () => [...server.requests],
    idle: async () => {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
    close: async () => {
      pusher.close();
      await server.close();
    },
  };
}
