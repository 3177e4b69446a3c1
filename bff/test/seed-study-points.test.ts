import type { MpRankingVO } from '@zhili/shared';
import { PointsEntry } from '../src/modules/study/points/points-entry.entity';
import { ensureDemoStudyPoints } from '../src/seed/demo-study-points';
import { currentBackend } from './support/backends';
import { dataSourceOf } from './support/staff-fixtures';
import { studyWorld } from './support/study-progress-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const backend = currentBackend();

/**
 * The demo points history: written once (a second run writes nothing), at most one login a Beijing day
 * per member, linked members active most days, and the mini-program ranking shows it.
 */
describe(`demo study points on ${backend.name}`, () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof studyWorld>>;

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    w = await studyWorld(t, 'seedpts');
  }, 180_000); // a real BFF and eight accounts, on a machine the whole team shares
  afterAll(async () => {
    await t?.close();
  });

  it('writes a capped login history once and the ranking shows it', async () => {
    const ds = await dataSourceOf(t);
    const report = await ensureDemoStudyPoints(ds);
    expect(report.created).toBe(true);
    expect(report.entries).toBeGreaterThan(0);
    expect(await ensureDemoStudyPoints(ds)).toEqual({ created: false, entries: 0 });
    const entries = await ds.getRepository(PointsEntry).find();
    expect(entries).toHaveLength(report.entries);
    const perDay = new Map<string, number>();
    for (const e of entries)
      perDay.set(`${e.memberId}:${e.day}:${e.kind}`, (perDay.get(`${e.memberId}:${e.day}:${e.kind}`) ?? 0) + e.points);
    expect(Math.max(...perDay.values())).toBe(1);
    // 李四 is linked: he studied on most of the 45 days.
    expect(entries.filter((e) => e.memberId === w.lisi.memberId).length).toBeGreaterThan(25);
    const res = await t.http().get('/api/mp/study/ranking?scope=town&period=year').set('Authorization', w.lisi.auth);
    expect(res.status).toBe(200);
    const ranking = res.body.data as MpRankingVO;
    expect(ranking.rows).toHaveLength(3);
    expect(ranking.me.total).toBeGreaterThan(0);
  });
});
