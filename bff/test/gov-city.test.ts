import { randomBytes } from 'crypto';
import { signedHeaders, startCitySim } from '../../scripts/sim/gov';
import type { CitySim } from '../../scripts/sim/gov';
import { OutboxMessage, OutboxService } from '../src/core/outbox';
import { CaseEvent, CaseRecord, CaseWorkflowService } from '../src/modules/case';
import { CityResultsService } from '../src/modules/gov';
import { currentBackend } from './support/backends';
import { setupCaseTown, submitCase, townDispatcher } from './support/case-fixtures';
import type { CaseTown } from './support/case-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const backend = currentBackend();
const KEY = 'city-bff-test';
const SECRET = randomBytes(24).toString('hex');
const CALLBACK = '/api/callbacks/gov/city';

describe(`city platform connector on ${backend.name}`, () => {
  let t: TestApp;
  let sim: CitySim;
  let town: CaseTown;
  let outbox: OutboxService;
  let workflow: CaseWorkflowService;
  let clock = Date.now();

  beforeAll(async () => {
    sim = await startCitySim({ appKey: KEY, appSecret: SECRET, seed: 5, hangMs: 1000, push: { baseDelayMs: 50 } });
    t = await startTestApp(backend, {
      JOBS_ENABLED: 'false',
      CITY_API_BASE: sim.url,
      CITY_APP_KEY: KEY,
      CITY_APP_SECRET: SECRET,
      GOV_TIMEOUT_MS: '300',
    });
    town = await setupCaseTown(t);
    outbox = await t.get(OutboxService);
    workflow = await t.get(CaseWorkflowService);
  });
  afterAll(async () => {
    await t?.close();
    await sim?.close();
  });

  const reload = (id: string) => town.ds.getRepository(CaseRecord).findOneByOrFail({ id });
  const cityRows = () => town.ds.getRepository(OutboxMessage).findBy({ topic: 'gov.city.escalate' });
  async function drainCityOutbox(): Promise<void> {
    for (let pass = 0; pass < 60; pass += 1) {
      clock += 11 * 60_000;
      await outbox.deliverDue(new Date(clock));
      if (!(await cityRows()).some((r) => r.status === 'pending')) return;
    }
    throw new Error('city escalations still pending');
  }
  /** A case accepted and then escalated to the city by the town dispatcher. */
  async function escalatedCase(): Promise<CaseRecord> {
    const record = await submitCase(t, town, { categoryCode: 'sewage', description: '菜市场旁窨井堵塞，污水漫到路面' });
    const dispatcher = await townDispatcher(t, town);
    await workflow.apply(record.id, 'accept', dispatcher);
    return workflow.apply(record.id, 'escalate', dispatcher, { level: 'city', reason: '涉及市政主管网，镇级无法处置' });
  }

  it('sends an escalation once, even when answers are lost and retried', async () => {
    const record = await escalatedCase();
    sim.setFaults({ failureRate: 0.5 });
    await drainCityOutbox();
    sim.setFaults({ failureRate: 0 });
    const events = sim.events().filter((e) => e.caseNo === record.no);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      status: 'OPEN',
      round: 1,
      categoryCode: 'sewage',
      categoryName: '污水外溢',
      reason: '涉及市政主管网，镇级无法处置',
      townName: town.town.name,
      location: { coordType: 'gcj02', lng: town.points.A1[0], lat: town.points.A1[1] },
    });
    expect((await cityRows()).filter((r) => r.dedupeKey.includes(record.id)).map((r) => r.status)).toEqual([
      'delivered',
    ]);
    // The platform's event number is noted on the timeline, once.
    const synced = await town.ds.getRepository(CaseEvent).findBy({ caseId: record.id, type: 'external_sync' });
    expect(synced).toHaveLength(1);
    expect(synced[0].note).toContain(events[0].eventId);
  });

  it('resolves the case as the system when the city pushes its result', async () => {
    const record = await escalatedCase();
    await drainCityOutbox();
    sim.setPushUrl(t.url + CALLBACK);
    sim.finishEvent(record.no, { result: '已更换破损管道并疏通', handler: '市水务集团' });
    await sim.idle();
    expect(sim.pushes().filter((p) => p.status === 200)).toHaveLength(1);
    const resolved = await reload(record.id);
    expect(resolved).toMatchObject({ status: 'resolved', resolution: '【市水务集团】已更换破损管道并疏通' });
    const [event] = await town.ds.getRepository(CaseEvent).find({ where: { caseId: record.id, type: 'resolve' } });
    expect(event).toMatchObject({ actorKind: 'system', actorName: '城市运行管理服务平台' });
    // The same result pulled afterwards changes nothing.
    await expect((await t.get(CityResultsService)).pull(new Date())).resolves.toMatchObject({ resolved: 0 });
    expect((await reload(record.id)).version).toBe(resolved.version);
    sim.setPushUrl(null);
  });

  it('resolves by pull when no push arrives', async () => {
    const record = await escalatedCase();
    await drainCityOutbox();
    sim.finishEvent(record.no, { result: '已协调市政养护单位完成维修' });
    const pulled = await (await t.get(CityResultsService)).pull(new Date());
    expect(pulled.resolved).toBe(1);
    expect(await reload(record.id)).toMatchObject({ status: 'resolved' });
  });

  it('refuses unsigned or replayed result pushes, and unknown case numbers with 404', async () => {
    const body = JSON.stringify({
      type: 'event.finished',
      result: {
        eventId: 'CS1',
        caseNo: 'NOPE',
        round: 1,
        result: '完成',
        handler: '',
        finishedAt: '2026-11-22T10:00:00+08:00',
      },
    });
    const post = (headers: Record<string, string>) => fetch(t.url + CALLBACK, { method: 'POST', headers, body });
    expect((await post({ 'Content-Type': 'application/json' })).status).toBe(401);
    const stale = await post(signedHeaders(KEY, SECRET, 'POST', CALLBACK, body, Date.now() - 400_000));
    expect(stale.status).toBe(409);
    const headers = signedHeaders(KEY, SECRET, 'POST', CALLBACK, body, Date.now());
    const unknown = await post(headers);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('CASE_NOT_FOUND');
    expect((await post(headers)).status).toBe(409);
  });
});
