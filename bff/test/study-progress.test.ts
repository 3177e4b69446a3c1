import type { LessonProgressVO, MyCourseDetailVO, StudyHeartbeatResultVO, StudyHomeVO } from '@zhili/shared';
import { StudyClock } from '../src/modules/study/progress/study-clock';
import { StudyDayTotal } from '../src/modules/study/progress/study-day-total.entity';
import { PointsEntry } from '../src/modules/study/points/points-entry.entity';
import { currentBackend } from './support/backends';
import { dataSourceOf } from './support/staff-fixtures';
import { publishedCourse, studyWorld, type MemberLogin } from './support/study-progress-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const backend = currentBackend();
type Who = { id: string; auth: string };
type World = Awaited<ReturnType<typeof studyWorld>>;

/** 2026-03-10 10:00 Beijing: the tests' server clock starts here and only they move it. */
const T0 = Date.parse('2026-03-10T10:00:00+08:00');
const SEC = 1000;

/**
 * Honest study progress through the API with a frozen server clock (default rules: a 15 s interval,
 * 5 s tolerance, 60 s max gap, 90 % of a video): time is credited only as the SERVER clock moves, a
 * seek past the furthest point, a replayed sequence number and a second lesson at once credit nothing,
 * ten concurrent heartbeats credit the elapsed time once, completion waits for the required time and
 * awards its points once, study time splits at Beijing midnight, and other members' lessons are not found.
 */
describe(`study progress on ${backend.name}`, () => {
  let t: TestApp;
  let w: World;
  let clock: StudyClock;
  let video: string;
  let video2: string;
  let doc: string;
  let branchBOnly: string;
  let courseId: string;

  const progressOf = async (who: Who, lessonId: string) => {
    const res = await t.http().get(`/api/mp/study/lessons/${lessonId}/progress`).set('Authorization', who.auth);
    expect(res.status).toBe(200);
    return res.body.data as LessonProgressVO;
  };
  const send = (who: Who, lessonId: string, body: object) =>
    t.http().post(`/api/mp/study/lessons/${lessonId}/heartbeat`).set('Authorization', who.auth).send(body);
  /** Sends one heartbeat with the next sequence number the server hands out. */
  const beat = async (who: MemberLogin, lessonId: string, kind: 'start' | 'beat' | 'stop', position: number) => {
    const seq = (await progressOf(who, lessonId)).nextSeq;
    const res = await send(who, lessonId, { kind, seq, position });
    expect(res.status).toBe(200);
    return res.body.data as StudyHeartbeatResultVO;
  };
  const dayTotals = async (memberId: string) =>
    (
      await (await dataSourceOf(t)).getRepository(StudyDayTotal).find({ where: { memberId }, order: { day: 'ASC' } })
    ).map((r) => [r.day, r.ms]);

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    w = await studyWorld(t, 'prog');
    clock = await t.get(StudyClock);
    clock.freeze(T0);
    const { course, lessons } = await publishedCourse(t, w.committee.id, [
      { kind: 'video', durationMs: 60 * SEC },
      { kind: 'video', durationMs: 60 * SEC },
      { kind: 'document', minReadingMs: 30 * SEC },
    ]);
    [video, video2, doc] = lessons.map((l) => l.id);
    courseId = course.id;
    branchBOnly = (
      await publishedCourse(t, w.committee.id, [{ kind: 'article', minReadingMs: 10 * SEC }], [w.branchB.id])
    ).lessons[0].id;
  }, 180_000); // a real BFF and eight accounts, on a machine the whole team shares
  afterAll(async () => {
    clock?.release();
    await t?.close();
  });

  it('starts at nothing, with the interval and the first sequence number', async () => {
    expect(await progressOf(w.lisi, video)).toEqual({
      lessonId: video,
      kind: 'video',
      requiredMs: 54 * SEC,
      creditedMs: 0,
      furthestMs: 0,
      position: 0,
      permille: 0,
      remainingMs: 54 * SEC,
      completed: false,
      completedAt: null,
      nextSeq: 1,
      heartbeatIntervalMs: 15 * SEC,
    });
  });

  it('credits only server time: a heartbeat claiming more progress than time passed gets the elapsed time', async () => {
    expect((await beat(w.lisi, video, 'start', 0)).creditedMs).toBe(0);
    clock.advance(10 * SEC);
    const ten = await beat(w.lisi, video, 'beat', 10 * SEC);
    expect(ten).toMatchObject({ creditedMs: 10 * SEC, reason: null, completedNow: false });
    expect(ten.progress).toMatchObject({ creditedMs: 10 * SEC, furthestMs: 10 * SEC, position: 10 * SEC });
    // No server time passes: the same heartbeat again credits nothing, whatever it claims.
    const again = await beat(w.lisi, video, 'beat', 11 * SEC);
    expect(again.creditedMs).toBe(0);
    expect(again.reason?.code).toBe('STUDY_HEARTBEAT_REPLAYED');
    // A late heartbeat is capped at one interval plus tolerance (20 s), however long the client says it played.
    clock.advance(40 * SEC);
    const late = await beat(w.lisi, video, 'beat', 30 * SEC);
    expect(late.creditedMs).toBe(20 * SEC);
    expect(late.reason?.code).toBe('STUDY_HEARTBEAT_LATE');
    expect(late.progress.permille).toBe(555); // 30 of the 54 s required
  });

  it('refuses a seek past the furthest point and resumes there, with the reason in Chinese', async () => {
    clock.advance(15 * SEC);
    const seek = await beat(w.lisi, video, 'beat', 58 * SEC);
    expect(seek.creditedMs).toBe(0);
    expect(seek.reason).toEqual({ code: 'STUDY_SEEK_AHEAD', message: '不能跳过未观看的部分，请从 00:30 处继续观看' });
    expect(seek.progress).toMatchObject({ creditedMs: 30 * SEC, furthestMs: 30 * SEC, position: 30 * SEC });
  });

  it('refuses a replayed sequence number', async () => {
    clock.advance(5 * SEC);
    const used = (await progressOf(w.lisi, video)).nextSeq - 1;
    const res = await send(w.lisi, video, { kind: 'beat', seq: used, position: 35 * SEC });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ creditedMs: 0, reason: { code: 'STUDY_HEARTBEAT_REPLAYED' } });
  });

  it('resumes where the member left off, with the next sequence number', async () => {
    clock.advance(5 * SEC);
    const stop = await beat(w.lisi, video, 'stop', 40 * SEC);
    expect(stop.creditedMs).toBe(10 * SEC); // 5 s refused above still counted as time, then 5 s more
    const reopened = await progressOf(w.lisi, video);
    expect(reopened).toMatchObject({ position: 40 * SEC, furthestMs: 40 * SEC, creditedMs: 40 * SEC });
    expect(reopened.nextSeq).toBe(stop.progress.nextSeq);
    // A stop closed the span: the pause after it credits nothing.
    clock.advance(30 * 60 * SEC);
    expect((await beat(w.lisi, video, 'beat', 40 * SEC)).creditedMs).toBe(0);
    clock.advance(10 * SEC);
    expect((await beat(w.lisi, video, 'stop', 50 * SEC)).creditedMs).toBe(10 * SEC);
  });

  it('credits one lesson at a time: two players open at once earn the time once', async () => {
    clock.advance(60 * 60 * SEC);
    await beat(w.wangwu, video, 'start', 0);
    await beat(w.wangwu, video2, 'start', 0); // the second start takes the member's session
    clock.advance(15 * SEC);
    const first = await beat(w.wangwu, video, 'beat', 15 * SEC);
    const second = await beat(w.wangwu, video2, 'beat', 15 * SEC);
    expect(first).toMatchObject({ creditedMs: 0, reason: { code: 'STUDY_OTHER_LESSON_ACTIVE' } });
    expect(second.creditedMs).toBe(15 * SEC);
    expect(await dayTotals(w.wangwu.memberId)).toEqual([['2026-03-10', 15 * SEC]]);
  });

  it('serialises concurrent heartbeats of one member: ten at once credit the elapsed time once', async () => {
    clock.advance(60 * 60 * SEC);
    await beat(w.sunyi, video, 'start', 0);
    clock.advance(15 * SEC);
    const { nextSeq } = await progressOf(w.sunyi, video);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        send(w.sunyi, video, { kind: 'beat', seq: nextSeq + i, position: 15 * SEC }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    const credited = results.reduce((sum, r) => sum + (r.body.data as StudyHeartbeatResultVO).creditedMs, 0);
    expect(credited).toBe(15 * SEC);
    expect((await progressOf(w.sunyi, video)).creditedMs).toBe(15 * SEC);
    expect(await dayTotals(w.sunyi.memberId)).toEqual([['2026-03-10', 15 * SEC]]);
  });

  it('completes a document only once the minimum reading time is credited, and awards its points once', async () => {
    const ds = await dataSourceOf(t);
    clock.advance(60 * 60 * SEC);
    await beat(w.lisi, doc, 'start', 1);
    clock.advance(15 * SEC);
    expect((await beat(w.lisi, doc, 'beat', 2)).progress).toMatchObject({ remainingMs: 15 * SEC, completed: false });
    clock.advance(14 * SEC);
    const almost = await beat(w.lisi, doc, 'beat', 3);
    expect(almost).toMatchObject({ completedNow: false, pointsAwarded: null });
    expect(almost.progress).toMatchObject({ remainingMs: 1 * SEC, permille: 966, completed: false });
    clock.advance(1 * SEC);
    const done = await beat(w.lisi, doc, 'beat', 4);
    expect(done).toMatchObject({ completedNow: true, pointsAwarded: 2 });
    expect(done.progress).toMatchObject({ completed: true, permille: 1000, remainingMs: 0, position: 4 });
    clock.advance(15 * SEC);
    expect(await beat(w.lisi, doc, 'beat', 5)).toMatchObject({ completedNow: false, pointsAwarded: null });
    const entries = await ds.getRepository(PointsEntry).findBy({ memberId: w.lisi.memberId, kind: 'lesson_completed' });
    expect(entries.map((e) => [e.sourceId, e.points, e.reason])).toEqual([[doc, 2, '完成课程学习 +2']]);
    // The school's course page and home show it as done, for 李四 only.
    const mine = await t.http().get(`/api/mp/study/courses/${courseId}`).set('Authorization', w.lisi.auth);
    expect(mine.body.data).toMatchObject({ lessonCount: 3, lessonsDone: 1 });
    expect((mine.body.data as MyCourseDetailVO).lessons.map((l) => l.completed)).toEqual([false, false, true]);
    const home = await t.http().get('/api/mp/study/home').set('Authorization', w.lisi.auth);
    const listed = (home.body.data as StudyHomeVO).required.find((c) => c.id === courseId);
    expect(listed).toMatchObject({ lessonsDone: 1 });
    const others = await t.http().get(`/api/mp/study/courses/${courseId}`).set('Authorization', w.wangwu.auth);
    expect(others.body.data).toMatchObject({ lessonsDone: 0 });
  });

  it('splits study time at Beijing midnight', async () => {
    clock.freeze(Date.parse('2026-03-11T23:59:55+08:00'));
    await beat(w.wangwu, doc, 'start', 0);
    clock.advance(15 * SEC);
    expect((await beat(w.wangwu, doc, 'stop', 0)).creditedMs).toBe(15 * SEC);
    expect(await dayTotals(w.wangwu.memberId)).toEqual([
      ['2026-03-10', 15 * SEC],
      ['2026-03-11', 5 * SEC],
      ['2026-03-12', 10 * SEC],
    ]);
  });

  it("answers 404 for a lesson outside the member's audience or unknown, 403 to a resident, 400 to a bad body", async () => {
    for (const path of [`/api/mp/study/lessons/${branchBOnly}/progress`, '/api/mp/study/lessons/nope/progress']) {
      const res = await t.http().get(path).set('Authorization', w.lisi.auth);
      expect(res.status).toBe(404);
    }
    expect((await send(w.lisi, branchBOnly, { kind: 'start', seq: 1, position: 0 })).status).toBe(404);
    expect((await progressOf(w.sunyi, branchBOnly)).nextSeq).toBe(1);
    expect((await send(w.resident, video, { kind: 'start', seq: 1, position: 0 })).status).toBe(403);
    for (const body of [
      { kind: 'beat', seq: 1, position: 0, clientTime: Date.now() },
      { kind: 'skip', seq: 1, position: 0 },
      { kind: 'beat', seq: 0, position: 0 },
      { kind: 'beat', seq: 2, position: -1 },
      { kind: 'beat', seq: 2.5, position: 0 },
    ]) {
      const res = await send(w.lisi, video, body);
      expect(res.status).toBe(400);
    }
  });
});
