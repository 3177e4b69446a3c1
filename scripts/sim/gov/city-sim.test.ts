import { startCitySim } from './city-sim';
import { GovCode } from './protocol';
import { CITY_KEY, CITY_SECRET, devCall, signedPost, startReceiver } from './test-helpers';
import { CITY_PATHS, type CityResult, type CitySim } from './types';

const creds = { appKey: CITY_KEY, appSecret: CITY_SECRET };
const event = (caseNo: string) => ({
  caseNo,
  title: '污水外溢',
  description: '菜市场旁窨井堵塞，污水漫到路面',
  categoryCode: 'sewage',
  categoryName: '污水外溢',
  priority: 'high',
  address: '菜市场北门',
  location: { lng: 120.001, lat: 30.301, coordType: 'gcj02' },
  reportedAt: '2026-11-22T09:00:00+08:00',
  escalatedAt: '2026-11-22T10:00:00+08:00',
  reason: '涉及市政管网，镇级无法处置',
  townName: '示范镇',
});

describe('city platform simulator', () => {
  let sim: CitySim;
  beforeEach(async () => {
    sim = await startCitySim({ ...creds, seed: 3 });
  });
  afterEach(async () => {
    await sim.close();
  });

  it('creates one event per case number; a repeat while open is a duplicate', async () => {
    const first = await signedPost(sim.url, CITY_PATHS.createEvent, event('202611220001'), creds);
    expect(first.body).toMatchObject({ code: 0, data: { caseNo: '202611220001', round: 1, duplicate: false } });
    const again = await signedPost(sim.url, CITY_PATHS.createEvent, event('202611220001'), creds);
    expect(again.body?.data).toMatchObject({ eventId: first.body?.data?.eventId, duplicate: true });
    expect(sim.events()).toHaveLength(1);
    expect(sim.createCalls()).toEqual({ total: 2, duplicates: 1 });
  });

  it('reopens a finished event as the next round when the case is escalated again', async () => {
    await signedPost(sim.url, CITY_PATHS.createEvent, event('202611220002'), creds);
    sim.finishEvent('202611220002', { result: '已疏通' });
    const reopened = await signedPost(sim.url, CITY_PATHS.createEvent, event('202611220002'), creds);
    expect(reopened.body?.data).toMatchObject({ round: 2, duplicate: false });
    expect(sim.events()[0]).toMatchObject({ status: 'OPEN', round: 2, result: null });
  });

  it('validates the event and its signature', async () => {
    const bad = await signedPost(sim.url, CITY_PATHS.createEvent, { caseNo: 'x' }, creds);
    expect([bad.status, bad.body?.code]).toEqual([400, GovCode.BAD_REQUEST]);
    const unsigned = await signedPost(sim.url, CITY_PATHS.createEvent, event('1'), {
      ...creds,
      appSecret: 'wrong-secret-wrong-secret',
    });
    expect([unsigned.status, unsigned.body?.code]).toEqual([401, GovCode.SIGNATURE_INVALID]);
    expect(sim.events()).toHaveLength(0);
  });

  it('hands results back through a cursor feed', async () => {
    await signedPost(sim.url, CITY_PATHS.createEvent, event('202611220003'), creds);
    await signedPost(sim.url, CITY_PATHS.createEvent, event('202611220004'), creds);
    const empty = await signedPost(sim.url, CITY_PATHS.queryResults, { cursor: null }, creds);
    expect(empty.body?.data).toMatchObject({ results: [], hasMore: false });
    sim.finishEvent('202611220004', { result: '管网已修复', handler: '市水务集团' });
    const page = await signedPost(sim.url, CITY_PATHS.queryResults, { cursor: null }, creds);
    const data = page.body?.data as { results: CityResult[]; nextCursor: string };
    expect(data.results).toEqual([
      expect.objectContaining({ caseNo: '202611220004', round: 1, result: '管网已修复', handler: '市水务集团' }),
    ]);
    const after = await signedPost(sim.url, CITY_PATHS.queryResults, { cursor: data.nextCursor }, creds);
    expect(after.body?.data).toMatchObject({ results: [] });
  });

  it('pushes a finished event to the callback and finishes events through the dev endpoint', async () => {
    const receiver = await startReceiver();
    sim.setPushUrl(`${receiver.url}/api/callbacks/gov/city`);
    try {
      const created = await signedPost(sim.url, CITY_PATHS.createEvent, event('202611220005'), creds);
      const eventId = String(created.body?.data?.eventId);
      const done = await devCall(sim.url, 'POST', `/__dev/events/${eventId}/finish`, { result: '已清理' });
      expect(done).toMatchObject({ status: 200, body: { eventId, result: '已清理' } });
      await sim.idle();
      expect(receiver.received).toHaveLength(1);
      expect(JSON.parse(receiver.received[0].body)).toMatchObject({
        type: 'event.finished',
        result: { eventId, caseNo: '202611220005' },
      });
      expect(receiver.received[0].headers['x-ca-signature']).toMatch(/^[0-9a-f]{64}$/);
      expect((await devCall(sim.url, 'POST', `/__dev/events/${eventId}/finish`, { result: '再次' })).status).toBe(409);
    } finally {
      await receiver.close();
    }
  });
});
