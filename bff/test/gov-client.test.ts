import { startHotlineSim, seededRandom, HOTLINE_PATHS } from '../../scripts/sim/gov';
import type { HotlineSim } from '../../scripts/sim/gov';
import { AppError } from '../src/core/errors/app-error';
import { GovApiError, SignedGovClient } from '../src/modules/gov';
import type { SignedGovClientOptions } from '../src/modules/gov';

// The client against the 12345 simulator, without the BFF: signing, timeouts, retries, breaker.
const creds = { appKey: 'client-test-key', appSecret: 'client-test-secret-0123456789' };
const status = (orderNo: string, seq: number) => ({
  orderNo,
  seq,
  status: 'ACCEPTED',
  caseNo: '202611220001',
  occurredAt: '2026-11-22T09:00:00+08:00',
  operator: '镇指挥中心',
});

/**
 * A seed whose fault draws (failureRate 0.5: one draw decides failure, a second its kind) make the
 * first call fail with a kind in [lo, hi) — 0.5–0.75 gateway, ≥ 0.75 hang — and the second succeed.
 */
function seedFirstFault(lo: number, hi: number): number {
  for (let seed = 1; seed < 10_000; seed += 1) {
    const r = seededRandom(seed);
    const kind = r() < 0.5 ? r() : -1;
    if (kind >= lo && kind < hi && r() >= 0.5) return seed;
  }
  throw new Error('no seed found');
}

describe('SignedGovClient', () => {
  let sim: HotlineSim;
  const clients: SignedGovClient[] = [];
  const client = (options: Partial<SignedGovClientOptions> = {}) => {
    const c = new SignedGovClient({
      name: '12345热线',
      baseUrl: sim.url,
      credentials: creds,
      timeoutMs: 1000,
      retry: { baseDelayMs: 10 },
      ...options,
    });
    clients.push(c);
    return c;
  };
  const calls = () => sim.requests().length;

  beforeEach(async () => {
    sim = await startHotlineSim({ ...creds, seed: 1, hangMs: 2000 });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.shutdown();
    await sim.close();
  });

  it('signs calls the platform accepts and unwraps the envelope', async () => {
    sim.createOrder();
    const data = await client().request<{ orders: unknown[]; hasMore: boolean }>(HOTLINE_PATHS.queryOrders, {
      cursor: null,
      pageSize: 10,
    });
    expect(data.orders).toHaveLength(1);
    expect(data.hasMore).toBe(false);
  });

  it('does not retry a refused signature, and classifies it as auth', async () => {
    const err = await client({ credentials: { ...creds, appSecret: 'another-secret-0123456789' } })
      .request(HOTLINE_PATHS.queryOrders, {}, { idempotent: true })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GovApiError);
    expect(err).toMatchObject({ kind: 'auth', httpStatus: 401, code: 40102 });
    expect(calls()).toBe(1);
  });

  it('classifies business refusals as rejected and never retries them', async () => {
    const err = await client()
      .request(HOTLINE_PATHS.reportStatus, status('RX-UNKNOWN', 1), { idempotent: true })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'rejected', httpStatus: 404, code: 40401 });
    expect(calls()).toBe(1);
  });

  it('retries idempotent calls on transient failures only, with backoff', async () => {
    sim.setFaults({ down: true });
    const c = client({ retry: { maxAttempts: 3, baseDelayMs: 20 } });
    const started = Date.now();
    await expect(c.request(HOTLINE_PATHS.queryOrders, {}, { idempotent: true })).rejects.toMatchObject({
      kind: 'transient',
      httpStatus: 503,
      code: 50301,
    });
    expect(calls()).toBe(3);
    // Equal jitter: at least half of 20 + 40 ms of pauses.
    expect(Date.now() - started).toBeGreaterThanOrEqual(30);
    await expect(c.request(HOTLINE_PATHS.queryOrders, {})).rejects.toMatchObject({ kind: 'transient' });
    expect(calls()).toBe(4);
  });

  it('times out a slow platform (GOV_TIMEOUT_MS)', async () => {
    sim.setFaults({ latencyMs: 400 });
    await expect(client({ timeoutMs: 100 }).request(HOTLINE_PATHS.queryOrders, {})).rejects.toMatchObject({
      kind: 'transient',
      message: expect.stringMatching(/timed out after 100 ms/),
    });
  });

  it('treats a gateway page without the envelope as transient and retries past it', async () => {
    await sim.close();
    sim = await startHotlineSim({ ...creds, seed: seedFirstFault(0.5, 0.75), failureRate: 0.5 });
    await expect(client().request(HOTLINE_PATHS.queryOrders, {}, { idempotent: true })).resolves.toMatchObject({
      orders: [],
    });
    expect(sim.requests().map((r) => [r.fault, r.status])).toEqual([
      ['gateway', 502],
      ['ok', 200],
    ]);
  });

  it('retries a call whose answer was lost; the platform applies it once (idempotent by orderNo + seq)', async () => {
    await sim.close();
    sim = await startHotlineSim({ ...creds, seed: seedFirstFault(0.75, 1), failureRate: 0.5, hangMs: 2000 });
    const { orderNo } = sim.createOrder();
    const reply = await client({ timeoutMs: 200 }).request<{ duplicate: boolean }>(
      HOTLINE_PATHS.reportStatus,
      status(orderNo, 1),
      { idempotent: true },
    );
    expect(reply.duplicate).toBe(true);
    expect(sim.requests().map((r) => r.fault)).toEqual(['hang', 'ok']);
    expect(sim.statusLog()).toHaveLength(1);
    expect(sim.duplicateStatusUpdates()).toBe(1);
  });

  it('opens the breaker after repeated failures, fails fast, then half-opens and recovers', async () => {
    const c = client({ breaker: { volumeThreshold: 4, resetTimeoutMs: 300 } });
    sim.setFaults({ down: true });
    for (let i = 0; i < 4; i += 1)
      await expect(c.request(HOTLINE_PATHS.queryOrders, {})).rejects.toBeInstanceOf(GovApiError);
    expect(c.breakerState()).toBe('open');
    const before = calls();
    const fast = await c.request(HOTLINE_PATHS.queryOrders, {}, { idempotent: true }).catch((e: unknown) => e);
    expect(fast).toBeInstanceOf(AppError);
    expect(fast).toMatchObject({ code: 'GOV_UNAVAILABLE', status: 503 });
    expect(calls()).toBe(before); // failed fast: the platform never saw it
    expect(c.status()).toMatchObject({ name: '12345热线', breaker: 'open', stats: { failures: 4 } });

    sim.setFaults({ down: false });
    await new Promise((r) => setTimeout(r, 350));
    expect(c.breakerState()).toBe('half_open');
    await expect(c.request(HOTLINE_PATHS.queryOrders, {})).resolves.toMatchObject({ orders: [] });
    expect(c.breakerState()).toBe('closed');
  });

  it('does not open the breaker on business refusals (the platform is up)', async () => {
    const c = client({ breaker: { volumeThreshold: 3 } });
    for (let i = 0; i < 6; i += 1)
      await expect(c.request(HOTLINE_PATHS.reportStatus, status('RX-NONE', 1))).rejects.toMatchObject({
        kind: 'rejected',
      });
    expect(c.breakerState()).toBe('closed');
  });
});
