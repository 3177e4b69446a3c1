import { randomUUID } from 'crypto';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { createPartyOrg, day, partyStaff, PARTY_WORK, registryPerson } from './support/party-fixtures';
import { ensureDemoStudyHistory } from '../src/seed/demo-study-history';
import { StudyCourse } from '../src/modules/study/courses/study-course.entity';
import { StudyLessonEntity } from '../src/modules/study/courses/study-lesson.entity';
import { StudyLessonProgress } from '../src/modules/study/progress/study-lesson-progress.entity';
import { StudyDayTotal } from '../src/modules/study/progress/study-day-total.entity';
import { PointsEntry } from '../src/modules/study/points/points-entry.entity';

const backend = currentBackend();

/** The demo study history: consistent with the rules (time per day = time credited), points per completed lesson, once. */
describe(`demo study history on ${backend.name}`, () => {
  let t: TestApp;
  jest.setTimeout(120_000);

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    const ds = await dataSourceOf(t);
    const town = await createRegion(t, '青山镇', 'town');
    const village = await createRegion(t, '幸福村', 'village', town);
    const admin = await partyStaff(t, 'hist.town', town, ['party:manage', ...PARTY_WORK]);
    const committee = await createPartyOrg(t, admin, { parentId: null, type: 'committee', name: '青山镇党委' });
    const branch = await createPartyOrg(t, admin, { parentId: committee.id, type: 'branch', name: '幸福村党支部' });
    for (let i = 0; i < 30; i += 1) {
      const person = await registryPerson(t, `党员${i}`, village);
      const res = await t
        .http()
        .post('/api/admin/party/members')
        .set('Authorization', admin.auth)
        .send({ personId: person.id, orgId: branch.id, category: 'full', joinedOn: '2001-07-01' });
      expect(res.status).toBe(201);
    }
    const courseId = randomUUID();
    await ds.getRepository(StudyCourse).insert({
      id: courseId,
      columnId: randomUUID(),
      orgId: committee.id,
      orgPath: '/',
      title: '学习党章',
      summary: null,
      required: true,
      hoursTenths: 10,
      creditsTenths: 10,
      opensOn: day(-10),
      closesOn: day(9),
      audience: 'all',
      audienceOrgIds: [],
      audiencePaths: [],
      needsApproval: false,
      status: 'published',
      publishedAt: new Date().toISOString(),
      closedAt: null,
      actorId: admin.id,
    });
    await ds.getRepository(StudyLessonEntity).insert([
      { id: randomUUID(), courseId, sortOrder: 1, title: '视频', kind: 'video', durationMs: 24_000 },
      { id: randomUUID(), courseId, sortOrder: 2, title: '文档', kind: 'document', minReadingMs: 120_000 },
      { id: randomUUID(), courseId, sortOrder: 3, title: '文章', kind: 'article', minReadingMs: 60_000 },
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('writes progress, the same time per day, and a points entry per completed lesson; then never again', async () => {
    const ds = await dataSourceOf(t);
    const report = await ensureDemoStudyHistory(ds);
    expect(report.created).toBe(true);
    const progress = await ds.getRepository(StudyLessonProgress).find();
    const totals = await ds.getRepository(StudyDayTotal).find();
    expect(progress.length).toBe(report.progressRows);
    const credited = progress.reduce((s, p) => s + p.creditedMs, 0);
    expect(totals.reduce((s, d) => s + d.ms, 0)).toBe(credited);
    const completed = progress.filter((p) => p.completedAt !== null);
    const points = await ds.getRepository(PointsEntry).findBy({ kind: 'lesson_completed' });
    expect(points.map((p) => p.sourceId + p.memberId).sort()).toEqual(
      completed.map((p) => p.lessonId + p.memberId).sort(),
    );
    // Some finished, some part way, some not started: 30 members, never all alike.
    const finishers = new Set(completed.map((p) => p.memberId));
    const starters = new Set(progress.map((p) => p.memberId));
    expect(finishers.size).toBeGreaterThan(5);
    expect(starters.size).toBeLessThan(30);
    expect(progress.some((p) => p.completedAt === null)).toBe(true);
    expect((await ensureDemoStudyHistory(ds)).created).toBe(false);
  });
});
