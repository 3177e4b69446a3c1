import { randomUUID } from 'crypto';
import { insertEach } from '../src/core/db/insert-each';
import ExcelJS from 'exceljs';
import type { AnalysisCourseVO, LaggardVO, MemberStandingVO, MemberStudyVO, Permission } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TEST_APPID, TestApp } from './support/test-app';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { mpLogin } from './support/mp-fixtures';
import { createPartyOrg, day, PARTY_WORK, partyStaff, registryPerson } from './support/party-fixtures';
import type { Region } from '../src/modules/region';
import { MpUser } from '../src/modules/mp-user';
import { AuditLog } from '../src/core/audit';
import { OutboxService } from '../src/core/outbox';
import { StudyCourse } from '../src/modules/study/courses/study-course.entity';
import { StudyLessonEntity } from '../src/modules/study/courses/study-lesson.entity';
import { StudyLessonProgress } from '../src/modules/study/progress/study-lesson-progress.entity';
import { StudyDayTotal } from '../src/modules/study/progress/study-day-total.entity';
import { Exam } from '../src/modules/exam/exams/exam.entity';
import { ExamAttempt } from '../src/modules/exam/attempts/exam-attempt.entity';

const backend = currentBackend();
const TEMPLATE = 'sim_tmpl_study_reminder';
const STUDY_WORK: Permission[] = [...PARTY_WORK, 'study:manage'];
type Who = { id: string; auth: string };

/**
 * 进度分析 through the API: standings computed from progress rows with the shared rules, laggards of
 * a required course against the linear schedule, a reminder pushed once per 24 hours, and the party
 * scope: another branch's secretary sees none of it.
 */
describe(`study analysis on ${backend.name}`, () => {
  let t: TestApp;
  let admin: Who;
  let secretaryA: Who;
  let secretaryB: Who;
  let course: StudyCourse;
  const m: Record<'a1' | 'a2' | 'b1', { id: string }> = {} as never;
  const userOf: Record<string, string> = {};

  const get = (who: Who, path: string) => t.http().get(path).set('Authorization', who.auth);
  const post = (who: Who, path: string, body: object) => t.http().post(path).set('Authorization', who.auth).send(body);

  /** A course written directly (the course API is not what this file tests): 20 days, today is day 11. */
  async function insertCourse(required: boolean, title: string): Promise<StudyCourse> {
    const ds = await dataSourceOf(t);
    const row = ds.getRepository(StudyCourse).create({
      id: randomUUID(),
      columnId: randomUUID(),
      orgId: 'town',
      orgPath: '/',
      title,
      summary: null,
      required,
      hoursTenths: 10,
      creditsTenths: 10,
      opensOn: day(-10),
      closesOn: day(9),
      audience: 'all',
      audienceOrgIds: [],
      audiencePaths: [],
      needsApproval: false,
      status: 'published',
      publishedAt: new Date(Date.now() - 11 * 86_400_000).toISOString(),
      closedAt: null,
      actorId: admin.id,
    });
    await ds.getRepository(StudyCourse).insert(row);
    return row;
  }

  // App start and the fixtures through the API take a while on a loaded machine.
  jest.setTimeout(120_000);

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false', WECHAT_TMPL_STUDY_REMINDER: TEMPLATE });
    const ds = await dataSourceOf(t);
    const town = await createRegion(t, '青山镇', 'town');
    const villageA = await createRegion(t, '幸福村', 'village', town);
    const villageB = await createRegion(t, '和谐村', 'village', town);
    admin = await partyStaff(t, 'ana.town', town, ['party:manage', ...STUDY_WORK]);
    secretaryA = await partyStaff(t, 'ana.sec.a', villageA, STUDY_WORK);
    secretaryB = await partyStaff(t, 'ana.sec.b', villageB, STUDY_WORK);
    const committee = await createPartyOrg(t, admin, { parentId: null, type: 'committee', name: '青山镇党委' });
    const branchA = await createPartyOrg(t, admin, { parentId: committee.id, type: 'branch', name: '幸福村党支部' });
    const branchB = await createPartyOrg(t, admin, { parentId: committee.id, type: 'branch', name: '和谐村党支部' });
    await post(admin, `/api/admin/party/orgs/${branchA.id}/staff`, { staffUserId: secretaryA.id });
    await post(admin, `/api/admin/party/orgs/${branchB.id}/staff`, { staffUserId: secretaryB.id });
    const member = async (key: 'a1' | 'a2' | 'b1', name: string, region: Region, orgId: string) => {
      const person = await registryPerson(t, name, region);
      const res = await post(admin, '/api/admin/party/members', {
        personId: person.id,
        orgId,
        category: 'full',
        joinedOn: '2001-07-01',
      });
      m[key] = res.body.data as { id: string };
      const user = await mpLogin(t, `ana-${key}`);
      await ds.getRepository(MpUser).update({ id: user.id }, { roles: ['party_member'] });
      const linked = await t
        .http()
        .put(`/api/admin/party/members/${m[key].id}/mp-account`)
        .set('Authorization', admin.auth)
        .send({ mpUserId: user.id });
      expect(linked.status).toBe(204);
      userOf[key] = (await ds.getRepository(MpUser).findOneByOrFail({ id: user.id })).openid;
    };
    await member('a1', '李一', villageA, branchA.id);
    await member('a2', '李二', villageA, branchA.id);
    await member('b1', '孙一', villageB, branchB.id);

    course = await insertCourse(true, '学习党章');
    await insertCourse(false, '选修：乡村振兴');
    // A 9-minute document and a 3-minute article (reading times: independent of the video rule's share).
    const video = {
      id: randomUUID(),
      courseId: course.id,
      sortOrder: 1,
      title: '第一讲',
      kind: 'document' as const,
      minReadingMs: 540_000,
    };
    const article = {
      id: randomUUID(),
      courseId: course.id,
      sortOrder: 2,
      title: '第二讲',
      kind: 'article' as const,
      minReadingMs: 180_000,
    };
    await insertEach(ds.getRepository(StudyLessonEntity), [video, article]);
    const progress = (memberId: string, lessonId: string, creditedMs: number, complete: boolean) => ({
      id: randomUUID(),
      memberId,
      lessonId,
      courseId: course.id,
      creditedMs,
      furthestMs: creditedMs,
      position: creditedMs,
      lastSeq: 10,
      lastHeartbeatAt: null,
      completedAt: complete ? Date.now() - 3600_000 : null,
    });
    await ds.getRepository(StudyLessonProgress).insert([
      // 李一: everything done. 李二: only the article done (180 of 720 s required: 250 ‰ < 500 ‰).
      progress(m.a1.id, video.id, 600_000, true),
      progress(m.a1.id, article.id, 180_000, true),
      progress(m.a2.id, article.id, 180_000, true),
    ]);
    await ds.getRepository(StudyDayTotal).insert([
      { memberId: m.a1.id, day: day(-1), ms: 780_000 },
      { memberId: m.a2.id, day: day(0), ms: 180_000 },
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the courses with the audience, completion and laggards of the caller branch only', async () => {
    const res = await get(secretaryA, '/api/admin/study/analysis/courses');
    expect(res.status).toBe(200);
    const rows = res.body.data as AnalysisCourseVO[];
    const required = rows.find((r) => r.id === course.id);
    // Day 11 of 20 (today counts from its start): 10 of 20 days passed = 500 ‰.
    expect(required).toMatchObject({ audience: 2, completed: 1, laggards: 1, expectedPermille: 500, lessonCount: 2 });
    // An elective has no schedule: nobody is behind.
    expect(rows.find((r) => r.title.startsWith('选修'))).toMatchObject({ expectedPermille: 0, laggards: 0 });
    const town = (await get(admin, '/api/admin/study/analysis/courses')).body.data as AnalysisCourseVO[];
    expect(town.find((r) => r.id === course.id)).toMatchObject({ audience: 3, completed: 1, laggards: 2 });
  });

  it('shows a course member by member, the laggard first', async () => {
    const res = await get(secretaryA, `/api/admin/study/analysis/courses/${course.id}/members`);
    expect(res.status).toBe(200);
    const rows = res.body.data as MemberStandingVO[];
    expect(rows.map((r) => [r.name, r.progressPermille, r.behind, r.completed])).toEqual([
      ['李二', 250, true, false],
      ['李一', 1000, false, true],
    ]);
    expect(rows[1]).toMatchObject({ lessonsDone: 2, lessonsTotal: 2, studyMs: 780_000, branchName: '幸福村党支部' });
    expect(rows[1].lastStudiedAt).not.toBeNull();
  });

  it('lists the laggards within the scope: each secretary their own branch', async () => {
    const a = (await get(secretaryA, '/api/admin/study/analysis/laggards')).body.data as LaggardVO[];
    expect(a.map((r) => [r.name, r.courseTitle, r.reachable, r.nextReminderAt])).toEqual([
      ['李二', '学习党章', true, null],
    ]);
    const b = (await get(secretaryB, '/api/admin/study/analysis/laggards')).body.data as LaggardVO[];
    expect(b.map((r) => r.name)).toEqual(['孙一']);
    const all = (await get(admin, '/api/admin/study/analysis/laggards')).body.data as LaggardVO[];
    expect(all.map((r) => r.name).sort()).toEqual(['孙一', '李二']);
  });

  it('shows a member their courses and 30 days of study time; another branch gets 404', async () => {
    const res = await get(secretaryA, `/api/admin/study/analysis/members/${m.a1.id}`);
    expect(res.status).toBe(200);
    const data = res.body.data as MemberStudyVO;
    expect(data.days).toHaveLength(30);
    expect(data.days[28]).toEqual({ date: day(-1), ms: 780_000 });
    expect(data.courses.map((c) => c.courseTitle).sort()).toEqual(['学习党章', '选修：乡村振兴'].sort());
    expect((await get(secretaryB, `/api/admin/study/analysis/members/${m.a1.id}`)).status).toBe(404);
    const other = await get(secretaryB, `/api/admin/study/analysis/courses/${course.id}/members`);
    expect((other.body.data as MemberStandingVO[]).map((r) => r.name)).toEqual(['孙一']);
  });

  it('reminds a laggard once per 24 hours through a subscribe message, audited', async () => {
    const status = await get(secretaryA, '/api/admin/study/analysis/reminders/status');
    expect(status.body.data).toEqual({ enabled: true, intervalHours: 24 });
    const allowed = await fetch(`${t.sim.url}/__dev/subscribe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ appid: TEST_APPID, openid: userOf.a2, templateIds: [TEMPLATE] }),
    });
    expect(allowed.status).toBe(200);
    // Another branch's secretary cannot remind 李二.
    const foreign = await post(secretaryB, '/api/admin/study/analysis/reminders', {
      courseId: course.id,
      memberIds: [m.a2.id],
    });
    expect(foreign.status).toBe(409);
    // 李一 is not behind: nothing to remind.
    const done = await post(secretaryA, '/api/admin/study/analysis/reminders', {
      courseId: course.id,
      memberIds: [m.a1.id],
    });
    expect(done.status).toBe(409);
    expect(done.body.error.message).toContain('没有落后');

    const sent = await post(secretaryA, '/api/admin/study/analysis/reminders', { courseId: course.id });
    expect(sent.status).toBe(200);
    expect(sent.body.data).toEqual({ sent: 1, skipped: [] });
    await (await t.get(OutboxService)).deliverDue(new Date(Date.now() + 2000));
    const messages = t.sim.subscribeMessages(userOf.a2);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      template_id: TEMPLATE,
      page: `party/pages/course/index?id=${course.id}`,
      data: {
        thing1: { value: '学习党章' },
        thing2: { value: '已完成25%，请抓紧学习' },
        thing3: { value: `请于${day(9)}前学完` },
      },
    });

    // Again within 24 hours, by anyone: refused with the time the next one is allowed.
    const again = await post(admin, '/api/admin/study/analysis/reminders', {
      courseId: course.id,
      memberIds: [m.a2.id],
    });
    expect(again.status).toBe(429);
    expect(again.body.error.message).toMatch(/24 小时内已提醒过，\d\d-\d\d \d\d:\d\d 后可再次提醒/);
    const bulk = await post(admin, '/api/admin/study/analysis/reminders', { courseId: course.id });
    expect(bulk.status).toBe(200);
    // 孙一 (not allowed the template yet, but reachable) is sent; 李二 is skipped with the reason.
    expect(bulk.body.data.sent).toBe(1);
    expect(bulk.body.data.skipped).toEqual([expect.objectContaining({ memberId: m.a2.id, name: '李二' })]);
    const laggards = (await get(secretaryA, '/api/admin/study/analysis/laggards')).body.data as LaggardVO[];
    expect(laggards[0].lastRemindedAt).not.toBeNull();
    expect(Date.parse(laggards[0].nextReminderAt ?? '')).toBeGreaterThan(Date.now() + 23 * 3600_000);

    const ds = await dataSourceOf(t);
    const audits = await ds.getRepository(AuditLog).findBy({ action: 'party.study.reminder.send' });
    expect(audits.map((a) => a.resourceId).sort()).toEqual([m.a2.id, m.b1.id].sort());
  });

  it('refuses unknown fields, an unknown course, and an elective', async () => {
    const extra = await post(secretaryA, '/api/admin/study/analysis/reminders', { courseId: course.id, all: true });
    expect(extra.status).toBe(400);
    const unknown = await post(secretaryA, '/api/admin/study/analysis/reminders', { courseId: randomUUID() });
    expect(unknown.status).toBe(404);
    const courses = (await get(secretaryA, '/api/admin/study/analysis/courses')).body.data as AnalysisCourseVO[];
    const elective = courses.find((c) => !c.required) as AnalysisCourseVO;
    expect((await post(secretaryA, '/api/admin/study/analysis/reminders', { courseId: elective.id })).status).toBe(409);
  });

  /** An exam and graded attempts written directly (the exam API is tested in exam-attempts). */
  async function insertExamResults(): Promise<void> {
    const ds = await dataSourceOf(t);
    const exam = ds.getRepository(Exam).create({
      id: randomUUID(),
      orgId: 'town',
      orgPath: '/',
      title: '党章知识测试',
      description: null,
      paperKind: 'fixed',
      questionIds: [],
      sections: [],
      pointsEach: 10,
      passMark: 60,
      timeLimitMinutes: 30,
      attemptsAllowed: null,
      opensAt: new Date(Date.now() - 5 * 86_400_000).toISOString(),
      closesAt: null,
      audienceKind: 'all',
      audienceOrgIds: [],
      audiencePaths: [],
      publishedAt: new Date(Date.now() - 5 * 86_400_000).toISOString(),
      actorId: admin.id,
    });
    await ds.getRepository(Exam).insert(exam);
    const attempt = (memberId: string, attemptNo: number, score: number) => {
      const ended = new Date(Date.now() - 86_400_000).toISOString();
      return ds.getRepository(ExamAttempt).create({
        id: randomUUID(),
        examId: exam.id,
        memberId,
        orgPath: '/',
        attemptNo,
        seed: 'seed',
        paper: [],
        responses: {},
        startedAt: ended,
        deadline: ended,
        endedAt: ended,
        endedBy: 'submitted',
        score,
        maxScore: 100,
        passed: score >= 60,
      });
    };
    await insertEach(ds.getRepository(ExamAttempt), [
      attempt(m.a1.id, 1, 50),
      attempt(m.a1.id, 2, 80),
      attempt(m.b1.id, 1, 90),
    ]);
  }

  it('downloads the xlsx report of the caller branch, with exam results, audited', async () => {
    await insertExamResults();
    const res = await get(secretaryA, `/api/admin/study/analysis/report.xlsx?from=${day(-5)}&to=${day(0)}`)
      .buffer(true)
      .parse((r, cb) => {
        const parts: Buffer[] = [];
        r.on('data', (c: Buffer) => parts.push(c));
        r.on('end', () => cb(null, Buffer.concat(parts)));
      });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ExcelJS.Buffer);
    const rows = wb.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    const text = rows.map((r) => r.filter((v) => v !== null && v !== undefined).join('|'));
    expect(text).toContain('幸福村党支部|李一|13|1|1|1');
    expect(text).toContain('幸福村党支部|李二|3|1|0|0');
    expect(text).toContain('幸福村党支部|学习党章|2|1|50%');
    // The best of 李一's two attempts; 孙一's result is another branch's and stays out.
    expect(text).toContain('幸福村党支部|李一|党章知识测试|80 / 100|及格|2');
    expect(text.join('\n')).not.toContain('孙一');
    const ds = await dataSourceOf(t);
    expect(await ds.getRepository(AuditLog).countBy({ action: 'party.study.report.export' })).toBe(1);
    const bad = await get(secretaryA, `/api/admin/study/analysis/report.xlsx?from=${day(0)}&to=${day(-5)}`);
    expect(bad.status).toBe(400);
  });
});
