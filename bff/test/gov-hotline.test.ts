import { randomBytes } from 'crypto';
import { gcj02ToWgs84 } from '@zhili/shared';
import type { LngLat } from '@zhili/shared';
import { signedHeaders, startHotlineSim } from '../../scripts/sim/gov';
import type { HotlineSim, NewHotlineOrder } from '../../scripts/sim/gov';
import { PiiCipher } from '../src/core/crypto/pii-cipher';
import { OutboxMessage, OutboxService } from '../src/core/outbox';
import { CaseRecord, CaseWorkflowService } from '../src/modules/case';
import type { CaseActor } from '../src/modules/case';
import {
  GovConnectors,
  GovSyncStateService,
  Hotline12345Connector,
  HotlineInboundService,
  SignedGovClient,
} from '../src/modules/gov';
import { currentBackend } from './support/backends';
import { setupCaseTown, townDispatcher } from './support/case-fixtures';
import type { CaseTown } from './support/case-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const backend = currentBackend();
const KEY = 'hotline-bff-test';
const SECRET = randomBytes(24).toString('hex');
const CALLBACK = '/api/callbacks/gov/hotline12345';

const wgs84 = ([lng, lat]: LngLat) => {
  const [x, y] = gcj02ToWgs84([lng, lat]);
  return { lng: x, lat: y, coordType: 'wgs84' as const };
};

describe(`12345 hotline connector on ${backend.name}`, () => {
  let t: TestApp;
  let sim: HotlineSim;
  let town: CaseTown;
  let outbox: OutboxService;
  let inbound: HotlineInboundService;
  /** The outbox's clock: every pass jumps past the longest backoff, so everything pending is due. */
  let clock = Date.now();

  beforeAll(async () => {
    sim = await startHotlineSim({ appKey: KEY, appSecret: SECRET, seed: 11, hangMs: 1000 });
    t = await startTestApp(backend, {
      JOBS_ENABLED: 'false',
      HOTLINE_API_BASE: sim.url,
      HOTLINE_APP_KEY: KEY,
      HOTLINE_APP_SECRET: SECRET,
      GOV_TIMEOUT_MS: '300',
    });
    sim.setPushUrl(t.url + CALLBACK);
    town = await setupCaseTown(t);
    outbox = await t.get(OutboxService);
    inbound = await t.get(HotlineInboundService);
  });
  afterAll(async () => {
    await t?.close();
    await sim?.close();
  });

  const caseOf = (orderNo: string) =>
    town.ds.getRepository(CaseRecord).findBy({ externalSystem: 'hotline12345', externalId: orderNo });
  const govRows = () =>
    town.ds.getRepository(OutboxMessage).createQueryBuilder('m').where("m.topic LIKE 'gov.hotline.%'").getMany();
  /** Delivery passes until no 12345 message is pending (real pauses let a tripped breaker rest). */
  async function drainHotlineOutbox(maxPasses = 80, pauseMs = 0): Promise<void> {
    for (let pass = 0; pass < maxPasses; pass += 1) {
      clock += 11 * 60_000;
      await outbox.deliverDue(new Date(clock));
      if (!(await govRows()).some((r) => r.status === 'pending')) return;
      if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
    }
    throw new Error(
      `12345 messages still pending: ${JSON.stringify((await govRows()).filter((r) => r.status === 'pending').map((r) => [r.dedupeKey, r.lastError]))}`,
    );
  }
  const push = (body: string, headers: Record<string, string>) =>
    fetch(t.url + CALLBACK, { method: 'POST', headers, body });
  const order = (extra: NewHotlineOrder = {}): NewHotlineOrder => ({ location: wgs84(town.points.A1), ...extra });

  describe('callback authentication', () => {
    const body = () => JSON.stringify({ type: 'order.created', order: { orderNo: 'X' } });

    it('refuses a missing or wrong signature with 401 GOV_SIGNATURE_INVALID', async () => {
      const unsigned = await push(body(), { 'Content-Type': 'application/json' });
      expect(unsigned.status).toBe(401);
      expect(((await unsigned.json()) as { error: { code: string } }).error.code).toBe('GOV_SIGNATURE_INVALID');
      const wrongSecret = await push(
        body(),
        signedHeaders(KEY, 'not-the-secret-0123456789', 'POST', CALLBACK, body(), Date.now()),
      );
      expect(wrongSecret.status).toBe(401);
      const wrongKey = await push(body(), signedHeaders('someone-else', SECRET, 'POST', CALLBACK, body(), Date.now()));
      expect(wrongKey.status).toBe(401);
      // Signed for one body, sent with another.
      const swapped = await push(
        body().replace('"X"', '"Y"'),
        signedHeaders(KEY, SECRET, 'POST', CALLBACK, body(), Date.now()),
      );
      expect(swapped.status).toBe(401);
    });

    it('refuses a timestamp older than 300 s with 409 GOV_REPLAY', async () => {
      const stale = await push(body(), signedHeaders(KEY, SECRET, 'POST', CALLBACK, body(), Date.now() - 301_000));
      expect(stale.status).toBe(409);
      expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('GOV_REPLAY');
      const future = await push(body(), signedHeaders(KEY, SECRET, 'POST', CALLBACK, body(), Date.now() + 301_000));
      expect(future.status).toBe(409);
    });

    it('accepts a nonce once: the same signed request again is 409 GOV_REPLAY', async () => {
      const created = sim.createOrder(order({ title: '重放测试' }));
      await sim.idle();
      const raw = JSON.stringify({ type: 'order.created', order: created });
      const headers = signedHeaders(KEY, SECRET, 'POST', CALLBACK, raw, Date.now());
      const first = await push(raw, headers);
      expect(first.status).toBe(200);
      const replay = await push(raw, headers);
      expect(replay.status).toBe(409);
      expect(((await replay.json()) as { error: { code: string } }).error.code).toBe('GOV_REPLAY');
    });

    it('validates the order after the signature (400 with field details)', async () => {
      const raw = JSON.stringify({ type: 'order.created', order: { orderNo: 'RX1' } });
      const res = await push(raw, signedHeaders(KEY, SECRET, 'POST', CALLBACK, raw, Date.now()));
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    });
  });

  it('turns an order pushed AND pulled into one case with its external reference, acknowledged once', async () => {
    const created = sim.createOrder(
      order({ title: '路灯不亮', categoryCode: '0102', urgency: 3, callerName: '陈先生', callerPhone: '13900001111' }),
    );
    await sim.idle();
    expect(
      sim
        .pushes()
        .filter((p) => p.ref === created.orderNo)
        .map((p) => p.status),
    ).toEqual([200]);
    const pulled = await inbound.pull(new Date());
    expect(pulled.orders).toBeGreaterThanOrEqual(1);
    // A push repeated by the platform is answered with the same case.
    expect(await sim.pushOrder(created.orderNo)).toBe(true);

    const cases = await caseOf(created.orderNo);
    expect(cases).toHaveLength(1);
    const [record] = cases;
    expect(record).toMatchObject({
      source: 'hotline',
      status: 'submitted',
      categoryCode: 'streetlight',
      priority: 'urgent',
      reporterKind: 'external',
      reporterId: 'hotline12345',
      reporterName: '陈先生',
      idempotencyKey: created.orderNo,
      regionId: town.gridA1.id,
      assigneeId: town.mp.workerA1.id,
    });
    expect(record.description).toContain('【路灯不亮】');
    // WGS84 in, GCJ-02 stored.
    expect(record.lng).toBeCloseTo(town.points.A1[0], 5);
    expect(record.lat).toBeCloseTo(town.points.A1[1], 5);
    expect((await t.get(PiiCipher)).open(record.contactPhone)).toBe('13900001111');

    await drainHotlineOutbox();
    expect(sim.acks().filter((a) => a.orderNo === created.orderNo)).toEqual([
      expect.objectContaining({ caseNo: record.no }),
    ]);
    const sync = await (await t.get(GovSyncStateService)).get('hotline12345');
    expect(sync).toMatchObject({ cursor: expect.any(String), lastError: null });
  });

  it('files orders without a usable location at the town, and unknown categories as other', async () => {
    const noLocation = sim.createOrder({ location: null, categoryCode: '9999', categoryName: '其他诉求', urgency: 2 });
    const outside = sim.createOrder({ location: wgs84(town.points.outside), categoryCode: '0302' });
    await sim.idle();
    const [a] = await caseOf(noLocation.orderNo);
    const [b] = await caseOf(outside.orderNo);
    expect(a).toMatchObject({ regionId: town.town.id, categoryCode: 'other', priority: 'high', lng: null });
    expect(b).toMatchObject({ regionId: town.town.id, categoryCode: 'noise' });
  });

  it('keeps the pull cursor where it was when the platform is down, and catches up afterwards', async () => {
    sim.setPushUrl(null);
    const missed = sim.createOrder(order({ title: '推送丢失的工单' }));
    sim.setFaults({ down: true });
    const syncState = await t.get(GovSyncStateService);
    const before = await syncState.cursor('hotline12345');
    await expect(inbound.pull(new Date())).rejects.toMatchObject({ kind: 'transient' });
    expect(await syncState.get('hotline12345')).toMatchObject({
      cursor: before,
      lastError: expect.stringContaining('503'),
    });
    sim.setFaults({ down: false });
    await expect(inbound.pull(new Date())).resolves.toMatchObject({ created: 1 });
    expect(await caseOf(missed.orderNo)).toHaveLength(1);
    sim.setPushUrl(t.url + CALLBACK);
  });

  it('reports every status change once through the outbox, through random faults and an outage', async () => {
    // A breaker that rests 100 ms, so the test's real pauses let it half-open between passes.
    const connector = await t.get(Hotline12345Connector);
    connector.useClient(
      new SignedGovClient({
        name: '12345热线平台',
        baseUrl: sim.url,
        credentials: { appKey: KEY, appSecret: SECRET },
        timeoutMs: 300,
        retry: { baseDelayMs: 10 },
        breaker: { resetTimeoutMs: 100 },
      }),
    );
    const created = sim.createOrder(order({ title: '道路塌陷', categoryCode: '0101' }));
    await sim.idle();
    const [record] = await caseOf(created.orderNo);
    await drainHotlineOutbox();

    const workflow = await t.get(CaseWorkflowService);
    const dispatcher = await townDispatcher(t, town);
    const worker: CaseActor = {
      role: 'assignee',
      kind: 'mp',
      id: town.mp.workerA1.id,
      name: '王五',
      principal: { kind: 'mp', id: town.mp.workerA1.id, roles: ['resident', 'grid_worker'] },
    };
    // 1. Random faults (500s, gateway pages, lost answers): retries get through.
    sim.setFaults({ failureRate: 0.6 });
    await workflow.apply(record.id, 'accept', dispatcher);
    await workflow.apply(record.id, 'dispatch', dispatcher, { assignee: { kind: 'mp', id: town.mp.workerA1.id } });
    await drainHotlineOutbox(200, 120);
    const faults = sim.requests().map((r) => r.fault);
    expect(faults.filter((f) => f === 'error' || f === 'gateway' || f === 'hang').length).toBeGreaterThan(0);

    // 2. The platform goes down: nothing gets through, the breaker opens and fails fast.
    sim.setFaults({ down: true, failureRate: 0 });
    await new Promise((r) => setTimeout(r, 150));
    await workflow.apply(record.id, 'start', worker);
    await workflow.apply(record.id, 'resolve', worker, { result: '已回填修复路面' });
    for (let i = 0; i < 4; i += 1) await outbox.deliverDue(new Date((clock += 11 * 60_000)));
    expect(sim.requests().some((r) => r.fault === 'down')).toBe(true);
    expect((await t.get(GovConnectors)).statuses()[0]).toMatchObject({
      name: '12345热线平台',
      enabled: true,
      breaker: 'open',
    });
    const waiting = (await govRows()).filter((r) => r.status === 'pending');
    expect(waiting.length).toBe(2);
    expect(waiting.map((r) => r.lastError).join(' ')).toMatch(/熔断|503/);
    await workflow.apply(record.id, 'close', dispatcher, { outcome: 'fixed' });

    // 3. Back up (still flaky): everything arrives, once.
    sim.setFaults({ down: false, failureRate: 0.6 });
    await drainHotlineOutbox(200, 120);
    sim.setFaults({ failureRate: 0 });

    const rows = (await govRows()).filter(
      (r) => r.dedupeKey.includes(record.id) || r.dedupeKey.includes(created.orderNo),
    );
    expect(rows.every((r) => r.status === 'delivered')).toBe(true);
    const log = sim.statusLog().filter((u) => u.orderNo === created.orderNo);
    // Each step exactly once, whatever order the retries delivered them in.
    expect([...log].sort((a, b) => a.seq - b.seq).map((u) => u.status)).toEqual([
      'ACCEPTED',
      'DISPATCHED',
      'PROCESSING',
      'RESOLVED',
      'CLOSED',
    ]);
    expect(new Set(log.map((u) => u.seq)).size).toBe(log.length);
    expect(log.find((u) => u.status === 'RESOLVED')).toMatchObject({
      result: '已回填修复路面',
      caseNo: record.no,
      operator: '王五',
    });
    expect(log.find((u) => u.status === 'CLOSED')).toMatchObject({ outcome: 'fixed' });
    expect(sim.orders().find((o) => o.orderNo === created.orderNo)?.status).toBe('CLOSED');
  });
});
