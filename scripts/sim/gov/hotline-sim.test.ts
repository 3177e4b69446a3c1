import { createHash, createHmac } from 'node:crypto';
import { startHotlineSim } from './hotline-sim';
import { GovCode, signedHeaders } from './protocol';
import { HOTLINE_KEY, HOTLINE_SECRET, devCall, signedPost, startReceiver } from './test-helpers';
import { HOTLINE_PATHS, type HotlineOrder, type HotlineSim } from './types';

const creds = { appKey: HOTLINE_KEY, appSecret: HOTLINE_SECRET };
const update = (orderNo: string, seq: number, extra: Record<string, unknown> = {}) => ({
  orderNo,
  seq,
  status: 'ACCEPTED',
  caseNo: '202611220001',
  occurredAt: '2026-11-22T09:00:00+08:00',
  operator: '镇指挥中心',
  ...extra,
});

describe('hotline simulator', () => {
  let sim: HotlineSim;
  beforeEach(async () => {
    sim = await startHotlineSim({ ...creds, seed: 7, hangMs: 300 });
  });
  afterEach(async () => {
    await sim.close();
  });

  describe('signature checks on every platform call', () => {
    const query = { cursor: null, pageSize: 10 };

    it('accepts a correctly signed call', async () => {
      const reply = await signedPost(sim.url, HOTLINE_PATHS.queryOrders, query, creds);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ code: 0, data: { orders: [], hasMore: false } });
    });

    it('refuses missing headers, an unknown key and a wrong signature with 401', async () => {
      const unsigned = await fetch(sim.url + HOTLINE_PATHS.queryOrders, { method: 'POST', body: '{}' });
      expect([unsigned.status, ((await unsigned.json()) as { code: number }).code]).toEqual([
        401,
        GovCode.AUTH_MISSING,
      ]);
      const wrongKey = await signedPost(sim.url, HOTLINE_PATHS.queryOrders, query, { ...creds, appKey: 'other' });
      expect([wrongKey.status, wrongKey.body?.code]).toEqual([401, GovCode.APP_KEY_UNKNOWN]);
      const wrongSecret = await signedPost(sim.url, HOTLINE_PATHS.queryOrders, query, {
        ...creds,
        appSecret: 'not-the-secret-at-all',
      });
      expect([wrongSecret.status, wrongSecret.body?.code]).toEqual([401, GovCode.SIGNATURE_INVALID]);
      // The signature covers the body: changing it after signing breaks it.
      const tampered = await signedPost(sim.url, HOTLINE_PATHS.queryOrders, query, creds, {
        rawBody: JSON.stringify({ cursor: null, pageSize: 11 }),
      });
      expect(tampered.body?.code).toBe(GovCode.SIGNATURE_INVALID);
    });

    it('refuses a timestamp outside ±300 s and a reused nonce with 409', async () => {
      const old = await signedPost(sim.url, HOTLINE_PATHS.queryOrders, query, creds, { now: Date.now() - 301_000 });
      expect([old.status, old.body?.code]).toEqual([409, GovCode.TIMESTAMP_EXPIRED]);
      // The nonce is signed too: swapping it after signing breaks the signature.
      const swapped = await signedPost(sim.url, HOTLINE_PATHS.queryOrders, query, creds, {
        headers: { 'X-Ca-Nonce': 'fixed-nonce-0123456789' },
      });
      expect(swapped.body?.code).toBe(GovCode.SIGNATURE_INVALID);
      const body = JSON.stringify(query);
      const h = signedHeaders(creds.appKey, creds.appSecret, 'POST', HOTLINE_PATHS.queryOrders, body, Date.now());
      const send = () =>
        fetch(sim.url + HOTLINE_PATHS.queryOrders, { method: 'POST', headers: h, body }).then(async (r) => [
          r.status,
          ((await r.json()) as { code: number }).code,
        ]);
      expect(await send()).toEqual([200, 0]);
      expect(await send()).toEqual([409, GovCode.NONCE_REPLAYED]);
    });
  });

  it('pages new orders by an opaque cursor', async () => {
    const created = [sim.createOrder(), sim.createOrder({ urgency: 3 }), sim.createOrder()];
    const page1 = await signedPost(sim.url, HOTLINE_PATHS.queryOrders, { cursor: null, pageSize: 2 }, creds);
    const data1 = page1.body?.data as { orders: HotlineOrder[]; nextCursor: string; hasMore: boolean };
    expect(data1.orders.map((o) => o.orderNo)).toEqual(created.slice(0, 2).map((o) => o.orderNo));
    expect(data1.hasMore).toBe(true);
    const page2 = await signedPost(
      sim.url,
      HOTLINE_PATHS.queryOrders,
      { cursor: data1.nextCursor, pageSize: 2 },
      creds,
    );
    const data2 = page2.body?.data as { orders: HotlineOrder[]; nextCursor: string; hasMore: boolean };
    expect(data2.orders.map((o) => o.orderNo)).toEqual([created[2].orderNo]);
    expect(data2.hasMore).toBe(false);
    const page3 = await signedPost(sim.url, HOTLINE_PATHS.queryOrders, { cursor: data2.nextCursor }, creds);
    expect(page3.body?.data).toMatchObject({ orders: [], nextCursor: data2.nextCursor, hasMore: false });
    const bad = await signedPost(sim.url, HOTLINE_PATHS.queryOrders, { cursor: 'garbage!' }, creds);
    expect([bad.status, bad.body?.code]).toEqual([400, GovCode.BAD_REQUEST]);
  });

  it('records receipts and status updates once each, by (orderNo, seq)', async () => {
    const { orderNo } = sim.createOrder();
    const ack = { orderNo, caseNo: '202611220001', receivedAt: '2026-11-22T09:00:00+08:00' };
    expect((await signedPost(sim.url, HOTLINE_PATHS.ackOrder, ack, creds)).body?.data).toMatchObject({
      duplicate: false,
    });
    expect((await signedPost(sim.url, HOTLINE_PATHS.ackOrder, ack, creds)).body?.data).toMatchObject({
      duplicate: true,
    });
    expect(sim.acks()).toHaveLength(1);

    await signedPost(sim.url, HOTLINE_PATHS.reportStatus, update(orderNo, 3, { status: 'PROCESSING' }), creds);
    await signedPost(sim.url, HOTLINE_PATHS.reportStatus, update(orderNo, 2, { status: 'DISPATCHED' }), creds);
    const again = await signedPost(
      sim.url,
      HOTLINE_PATHS.reportStatus,
      update(orderNo, 2, { status: 'DISPATCHED' }),
      creds,
    );
    expect(again.body?.data).toMatchObject({ duplicate: true });
    expect(sim.statusLog().map((u) => [u.seq, u.status])).toEqual([
      [3, 'PROCESSING'],
      [2, 'DISPATCHED'],
    ]);
    expect(sim.duplicateStatusUpdates()).toBe(1);
    // The highest seq wins however the updates arrived.
    expect(sim.orders()[0].status).toBe('PROCESSING');
  });

  it('rejects business errors with documented codes', async () => {
    const { orderNo } = sim.createOrder();
    const unknown = await signedPost(sim.url, HOTLINE_PATHS.reportStatus, update('RX-NOPE', 1), creds);
    expect([unknown.status, unknown.body?.code]).toEqual([404, GovCode.NOT_FOUND]);
    const noResult = await signedPost(
      sim.url,
      HOTLINE_PATHS.reportStatus,
      update(orderNo, 1, { status: 'RESOLVED' }),
      creds,
    );
    expect([noResult.status, noResult.body?.code]).toEqual([400, GovCode.BAD_REQUEST]);
    expect(sim.statusLog()).toHaveLength(0);
  });

  it('goes fully down and up, and injects the same random faults for the same seed', async () => {
    sim.setFaults({ down: true });
    const down = await signedPost(sim.url, HOTLINE_PATHS.queryOrders, {}, creds);
    expect([down.status, down.body?.code]).toEqual([503, GovCode.UNAVAILABLE]);
    sim.setFaults({ down: false });
    expect((await signedPost(sim.url, HOTLINE_PATHS.queryOrders, {}, creds)).status).toBe(200);

    const run = async (seed: number) => {
      const s = await startHotlineSim({ ...creds, seed, failureRate: 0.5, hangMs: 50 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i += 1) {
        statuses.push(
          await signedPost(s.url, HOTLINE_PATHS.queryOrders, {}, creds, { timeoutMs: 1000 }).then(
            (r) => r.status,
            () => 0,
          ),
        );
      }
      await s.close();
      return statuses;
    };
    const a = await run(42);
    expect(await run(42)).toEqual(a);
    expect(a.some((s) => s !== 200)).toBe(true);
    expect(a.some((s) => s === 200)).toBe(true);
  });

  it('applies a call whose answer it withholds (hang), so callers must retry idempotently', async () => {
    const { orderNo } = sim.createOrder();
    sim.setFaults({ failureRate: 1 });
    let outcome = 'answered';
    // Draw faults until one hangs (seed 7 makes this deterministic).
    for (let seq = 1; seq <= 10 && outcome === 'answered'; seq += 1) {
      await signedPost(sim.url, HOTLINE_PATHS.reportStatus, update(orderNo, seq), creds, { timeoutMs: 200 }).catch(
        () => {
          outcome = 'timed out';
        },
      );
    }
    expect(outcome).toBe('timed out');
    expect(sim.statusLog()).toHaveLength(1);
    expect(sim.requests().some((r) => r.fault === 'hang' && r.status === 0)).toBe(true);
  });

  it('pushes new orders to the callback, signed, retrying until it is accepted', async () => {
    let answer = 503;
    const receiver = await startReceiver(() => answer);
    const pushUrl = `${receiver.url}/api/callbacks/gov/hotline12345`;
    const pushing = await startHotlineSim({ ...creds, pushUrl, push: { baseDelayMs: 20 } });
    try {
      const order = pushing.createOrder();
      setTimeout(() => (answer = 200), 30);
      await pushing.idle();
      const last = receiver.received[receiver.received.length - 1];
      expect(JSON.parse(last.body)).toEqual({ type: 'order.created', order });
      expect(pushing.pushes().map((p) => p.status)).toEqual([...Array(pushing.pushes().length - 1).fill(503), 200]);
      // Re-derive the signature as the BFF does.
      const h = last.headers as Record<string, string>;
      const canonical = [
        'POST',
        '/api/callbacks/gov/hotline12345',
        h['x-ca-key'],
        h['x-ca-timestamp'],
        h['x-ca-nonce'],
        createHash('sha256').update(last.body).digest('hex'),
      ].join('\n');
      expect(h['x-ca-signature']).toBe(createHmac('sha256', HOTLINE_SECRET).update(canonical).digest('hex'));
      expect(await devCall(pushing.url, 'GET', '/__dev/pushes')).toMatchObject({ status: 200 });
    } finally {
      await pushing.close();
      await receiver.close();
    }
  });

  it('offers dev endpoints to create orders and read the logs', async () => {
    const created = await devCall(sim.url, 'POST', '/__dev/orders', {
      title: '噪声扰民',
      categoryCode: '0302',
      categoryName: '噪声污染',
    });
    expect(created).toMatchObject({ status: 201, body: { title: '噪声扰民', status: 'ASSIGNED' } });
    expect((await devCall(sim.url, 'GET', '/__dev/orders')).body).toHaveLength(1);
    expect((await devCall(sim.url, 'GET', '/__dev/status-updates')).body).toEqual({ updates: [], duplicates: 0 });
    expect((await devCall(sim.url, 'POST', '/__dev/faults', { latencyMs: 5 })).body).toMatchObject({
      latencyMs: 5,
      down: false,
    });
  });
});
