import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { CaseTown, setupCaseTown, submitCase } from './support/case-fixtures';
import { CaseRecord } from '../src/modules/case';
import type { LngLat } from '@zhili/shared';

const backend = currentBackend();
const at = (shanghai: string) => new Date(`${shanghai}+08:00`);

/**
 * Hand-counted fixtures, period 2026-03-01 … 2026-03-03 (Asia/Shanghai):
 *
 * | case | grid | category | source  | created (+08)    | resolved (+08)   | due (+08)        | rating | status    |
 * | c1   | A1   | road     | mp      | 03-01 09:00      | 03-01 21:00 12 h | 03-02 09:00 ok   | 5      | closed    |
 * | c2   | A2   | garbage  | mp      | 03-02 07:00 (*)  | 03-03 07:00 24 h | 03-02 17:00 late | 2      | closed    |
 * | c3   | B1   | road     | hotline | 03-02 10:00      | —                | —                | —      | submitted |
 * | c4   | A1   | road     | mp      | 02-27 10:00 (out)| 03-01 10:00 48 h | 03-01 12:00 ok   | 4      | closed    |
 * | c5   | B1   | garbage  | mp      | 03-03 20:00      | —                | —                | —      | rejected  |
 * | c6   | A1   | road     | mp      | 03-05 10:00 (out)| —                | —                | —      | submitted |
 *
 * (*) 2026-03-01T23:00Z: the Shanghai day, not the UTC day, must count.
 */
describe(`case statistics on ${backend.name}`, () => {
  let t: TestApp;
  let town: CaseTown;
  const period = 'from=2026-03-01&to=2026-03-03';
  const stats = (auth: string, query = period) =>
    t.http().get(`/api/admin/cases/stats?${query}`).set('Authorization', auth);

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    town = await setupCaseTown(t);
    const repo = town.ds.getRepository(CaseRecord);
    const make = async (
      point: LngLat,
      categoryCode: string,
      created: string,
      patch: Partial<CaseRecord>,
      source: CaseRecord['source'] = 'mp',
    ) => {
      const record = await submitCase(t, town, { at: point, categoryCode, source, now: at(created) });
      await repo.update({ id: record.id }, { createdAt: at(created), dueAt: null, ...patch });
    };
    const { A1, A2, B1 } = town.points;
    await make(A1, 'road', '2026-03-01T09:00', {
      status: 'closed',
      outcome: 'fixed',
      resolvedAt: at('2026-03-01T21:00'),
      dueAt: at('2026-03-02T09:00'),
      rating: 5,
      ratedAt: at('2026-03-02T10:00'),
    });
    await make(A2, 'garbage', '2026-03-02T07:00', {
      status: 'closed',
      outcome: 'fixed',
      resolvedAt: at('2026-03-03T07:00'),
      dueAt: at('2026-03-02T17:00'),
      rating: 2,
      ratedAt: at('2026-03-03T08:00'),
    });
    await make(B1, 'road', '2026-03-02T10:00', {}, 'hotline');
    await make(A1, 'road', '2026-02-27T10:00', {
      status: 'closed',
      outcome: 'fixed',
      resolvedAt: at('2026-03-01T10:00'),
      dueAt: at('2026-03-01T12:00'),
      rating: 4,
      ratedAt: at('2026-03-01T11:00'),
    });
    await make(B1, 'garbage', '2026-03-03T20:00', { status: 'rejected' });
    await make(A1, 'road', '2026-03-05T10:00', {});
  });
  afterAll(() => t?.close());

  it('counts the town by status, category, village and source, with on-time rate, handling time, satisfaction and trend', async () => {
    const res = await stats(town.staff.town.auth);
    expect(res.status).toBe(200);
    const s = res.body.data;
    expect(s).toMatchObject({
      total: 4,
      open: 1,
      byStatus: { closed: 2, submitted: 1, rejected: 1 },
      byCategory: [
        { code: 'garbage', name: '垃圾堆放', count: 2 },
        { code: 'road', name: '道路破损', count: 2 },
      ],
      bySource: { mp: 3, hotline: 1 },
      onTimeRate: 0.6667,
      avgHandlingHours: 28,
      satisfaction: { average: 3.67, count: 3, distribution: [0, 1, 0, 1, 1] },
      trend: [
        { date: '2026-03-01', created: 1, resolved: 2 },
        { date: '2026-03-02', created: 2, resolved: 0 },
        { date: '2026-03-03', created: 1, resolved: 1 },
      ],
    });
    expect(s.byRegion).toHaveLength(2);
    expect(s.byRegion).toEqual(
      expect.arrayContaining([
        { regionId: town.villageA.id, name: '幸福村', count: 2 },
        { regionId: town.villageB.id, name: '和谐村', count: 2 },
      ]),
    );
  });

  it("limits a village admin to their village (grids as regions) and answers 404 for another village's region", async () => {
    const s = (await stats(town.staff.villageA.auth)).body.data;
    expect(s).toMatchObject({
      total: 2,
      open: 0,
      byStatus: { closed: 2 },
      bySource: { mp: 2 },
      onTimeRate: 0.6667,
      avgHandlingHours: 28,
      satisfaction: { average: 3.67, count: 3, distribution: [0, 1, 0, 1, 1] },
      trend: [
        { date: '2026-03-01', created: 1, resolved: 2 },
        { date: '2026-03-02', created: 1, resolved: 0 },
        { date: '2026-03-03', created: 0, resolved: 1 },
      ],
    });
    expect(s.byRegion).toEqual(
      expect.arrayContaining([
        { regionId: town.gridA1.id, name: '幸福村一网格', count: 1 },
        { regionId: town.gridA2.id, name: '幸福村二网格', count: 1 },
      ]),
    );
    const notMine = await stats(town.staff.villageA.auth, `${period}&regionId=${town.villageB.id}`);
    expect(notMine.status).toBe(404);

    // A grid has no children: it answers itself. c4 was submitted before the period, so only its resolution counts.
    const grid = (await stats(town.staff.town.auth, `${period}&regionId=${town.gridA1.id}`)).body.data;
    expect(grid).toMatchObject({
      total: 1,
      byRegion: [{ regionId: town.gridA1.id, name: '幸福村一网格', count: 1 }],
      onTimeRate: 1,
      avgHandlingHours: 30,
    });
    const leader = (await stats(town.staff.leaderA1.auth)).body.data;
    expect(leader).toEqual(grid);
  });

  it('defaults to the last 30 Shanghai days and refuses spans over 366 days or reversed', async () => {
    const s = (await stats(town.staff.town.auth, '')).body.data;
    expect(s.trend).toHaveLength(30);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(s.trend.at(-1).date).toBe(today);
    expect(s).toMatchObject({
      total: 0,
      onTimeRate: null,
      avgHandlingHours: null,
      satisfaction: { average: null, count: 0, distribution: [0, 0, 0, 0, 0] },
    });
    expect((await stats(town.staff.town.auth, 'from=2025-01-01&to=2026-03-03')).status).toBe(400);
    const reversed = await stats(town.staff.town.auth, 'from=2026-03-03&to=2026-03-01');
    expect(reversed.body.error.details).toEqual([{ field: 'to', message: '截止日期应晚于起始日期' }]);
    expect((await stats(town.staff.town.auth, 'from=2026-02-30x')).status).toBe(400);
    expect((await stats(town.staff.town.auth, 'from=2025-03-03&to=2026-03-03')).body.data.trend).toHaveLength(366);
  });
});
