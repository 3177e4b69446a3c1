import { defaultPointsRules } from '@zhili/shared';
import type { MpRankingVO, MyStudyVO, PointsEntryVO, PointsRuleVO, StaffRankingRowVO } from '@zhili/shared';
import { In } from 'typeorm';
import { DomainEvents } from '../src/core/events';
import { OutboxService } from '../src/core/outbox';
import { ExamPassedEvent } from '../src/modules/exam';
import { SurveyAnsweredEvent } from '../src/modules/survey';
import { StudyPointsService } from '../src/modules/study/points/study-points.service';
import { PointsEntry } from '../src/modules/study/points/points-entry.entity';
import { StudyClock } from '../src/modules/study/progress/study-clock';
import { currentBackend } from './support/backends';
import { dataSourceOf } from './support/staff-fixtures';
import { studyWorld } from './support/study-progress-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const backend = currentBackend();
type Who = { id: string; auth: string };
type World = Awaited<ReturnType<typeof studyWorld>>;

/** 2026-03-10 10:00 Beijing. */
const T0 = Date.parse('2026-03-10T10:00:00+08:00');
const DAY = 86_400_000;
const iso = (offsetMin: number) => new Date(Date.now() + offsetMin * 60_000).toISOString();

/**
 * The points ledger through the API: the daily login once a Beijing day, daily caps recorded as
 * 0-point entries with their reason, a repeated source as a no-op, 1-1-3 rankings of names only, the
 * rule table (validation, permission, effect) and the staff ranking within the party scope, and the
 * points of a meeting attended (party.meeting_attended), once.
 */
describe(`study points on ${backend.name}`, () => {
  let t: TestApp;
  let w: World;
  let clock: StudyClock;
  let points: StudyPointsService;

  const get = (who: Who, path: string) => t.http().get(path).set('Authorization', who.auth);
  const me = async (who: Who) => {
    const res = await get(who, '/api/mp/study/me');
    expect(res.status).toBe(200);
    return res.body.data as MyStudyVO;
  };
  const ledger = async (who: Who) => {
    const res = await get(who, '/api/mp/study/points?pageSize=50');
    expect(res.status).toBe(200);
    return res.body.data as PointsEntryVO[];
  };
  const ranking = async (who: Who, query: string) => {
    const res = await get(who, `/api/mp/study/ranking?${query}`);
    expect(res.status).toBe(200);
    return res.body.data as MpRankingVO;
  };
  const award = (memberId: string, kind: 'lesson_completed' | 'survey_answered', sourceId: string) =>
    points.awardNow({ memberId, kind, at: clock.now(), sourceId });

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    w = await studyWorld(t, 'pts');
    clock = await t.get(StudyClock);
    clock.freeze(T0);
    points = await t.get(StudyPointsService);
  }, 180_000); // a real BFF and eight accounts, on a machine the whole team shares
  afterAll(async () => {
    clock?.release();
    await t?.close();
  });

  it('records the daily login on the first visit of a Beijing day only', async () => {
    const first = await me(w.lisi);
    expect(first.loginAwarded).toMatchObject({ kind: 'daily_login', points: 1, reason: '每日登录 +1' });
    expect(first).toMatchObject({ name: '李四', branchName: '幸福村党支部', points: { month: 1, year: 1, all: 1 } });
    expect((await me(w.lisi)).loginAwarded).toBeNull();
    // 23:59 the same Beijing day: still the same day.
    clock.freeze(Date.parse('2026-03-10T23:59:00+08:00'));
    expect((await me(w.lisi)).loginAwarded).toBeNull();
    clock.freeze(Date.parse('2026-03-11T00:01:00+08:00'));
    expect((await me(w.lisi)).loginAwarded).toMatchObject({ points: 1 });
    expect((await ledger(w.lisi)).map((e) => [e.kind, e.points])).toEqual([
      ['daily_login', 1],
      ['daily_login', 1],
    ]);
    clock.freeze(T0);
  });

  it('caps a day at the rule, keeping the capped event with 0 points and why; a repeated source is a no-op', async () => {
    const got = [];
    for (const lesson of ['L1', 'L2', 'L3', 'L4', 'L5', 'L6'])
      got.push(await award(w.wangwu.memberId, 'lesson_completed', lesson));
    expect(got.map((e) => e?.points)).toEqual([2, 2, 2, 2, 2, 0]);
    expect(got[5]?.reason).toBe('完成课程学习：已达每日上限 10 分');
    expect(await award(w.wangwu.memberId, 'lesson_completed', 'L1')).toBeNull();
    // Concurrent awards of one source leave one entry.
    await Promise.all([1, 2, 3].map(() => award(w.wangwu.memberId, 'survey_answered', 'S1')));
    const ds = await dataSourceOf(t);
    expect(await ds.getRepository(PointsEntry).countBy({ memberId: w.wangwu.memberId, sourceId: 'S1' })).toBe(1);
    // The next Beijing day starts a new cap.
    clock.advance(DAY);
    expect((await award(w.wangwu.memberId, 'lesson_completed', 'L7'))?.points).toBe(2);
    clock.freeze(T0);
    const entries = await ledger(w.wangwu);
    expect(entries).toHaveLength(8);
    expect(entries[0]).toMatchObject({ kind: 'lesson_completed', points: 2 });
  });

  it('ranks with 1, 1, 3 on ties, names only, within the branch or the town', async () => {
    // This month up to today (03-10): 李四 1 (login) + 4 lessons + 2 surveys = 11; 王五 5 lessons + 1 survey = 11.
    for (const lesson of ['L1', 'L2', 'L3', 'L4']) await award(w.lisi.memberId, 'lesson_completed', lesson);
    await award(w.lisi.memberId, 'survey_answered', 'S1');
    await award(w.lisi.memberId, 'survey_answered', 'S2');
    await award(w.sunyi.memberId, 'survey_answered', 'S1');
    const byName = (r: MpRankingVO) =>
      Object.fromEntries(r.rows.map((row) => [row.name, [row.rank, row.total, row.isMe]]));
    const town = await ranking(w.sunyi, 'scope=town&period=month');
    expect(town.period).toEqual({ from: '2026-03-01', to: '2026-03-10' });
    expect(byName(town)).toEqual({ 李四: [1, 11, false], 王五: [1, 11, false], 孙一: [3, 1, true] });
    expect(town.rows.map((r) => r.rank)).toEqual([1, 1, 3]);
    expect(Object.keys(town.rows[0]).sort()).toEqual(['branchName', 'isMe', 'name', 'rank', 'total']);
    expect(town.me).toEqual({ rank: 3, total: 1 });
    expect(byName(await ranking(w.lisi, 'scope=branch&period=year'))).toEqual({
      李四: [1, 11, true],
      王五: [1, 11, false],
    });
    // 孙一's first visit of the day adds the login point: 2, still third in the town, first of the branch.
    expect(await me(w.sunyi)).toMatchObject({
      points: { month: 2 },
      rank: { branch: { rank: 1, of: 1 }, town: { rank: 3, of: 3 } },
    });
    expect((await get(w.lisi, '/api/mp/study/ranking?scope=village')).status).toBe(400);
    expect((await get(w.resident, '/api/mp/study/ranking')).status).toBe(403);
  });

  it("shows staff the ranking of their own branches only, another branch's id is not found", async () => {
    const rows = async (who: Who, query = '') => {
      const res = await get(who, `/api/admin/study/ranking?from=2026-03-01&to=2026-03-10${query}`);
      expect(res.status).toBe(200);
      return (res.body.data as StaffRankingRowVO[]).map((r) => [r.rank, r.name, r.branchName, r.total]);
    };
    expect((await rows(w.secretaryA)).sort()).toEqual([
      [1, '李四', '幸福村党支部', 11],
      [1, '王五', '幸福村党支部', 11],
    ]);
    expect(await rows(w.townSchool, `&orgId=${w.branchB.id}`)).toEqual([[1, '孙一', '和谐村党支部', 2]]);
    expect((await rows(w.townSchool)).length).toBe(3);
    expect((await get(w.secretaryA, `/api/admin/study/ranking?orgId=${w.branchB.id}`)).status).toBe(404);
    expect((await get(w.secretaryA, '/api/admin/study/ranking?from=2026-03-31&to=2026-03-01')).status).toBe(400);
    expect((await get(w.plain, '/api/admin/study/ranking')).status).toBe(403);
  });

  it('validates and saves the rule table, which later awards follow', async () => {
    const put = (who: Who, body: object) =>
      t.http().put('/api/admin/study/points-rules').set('Authorization', who.auth).send(body);
    const defaults = (await get(w.townSchool, '/api/admin/study/points-rules')).body.data as PointsRuleVO[];
    expect(defaults).toHaveLength(5);
    expect(defaults.find((r) => r.kind === 'survey_answered')).toEqual({
      kind: 'survey_answered',
      label: '参与问卷调查',
      points: 1,
      dailyCap: 3,
    });
    const capBelow = await put(w.townSchool, { rules: [{ kind: 'lesson_completed', points: 5, dailyCap: 3 }] });
    expect(capBelow.status).toBe(400);
    expect(capBelow.body.error.message).toBe('「完成课程学习」每日上限不能小于每次积分');
    const twice = await put(w.townSchool, {
      rules: [
        { kind: 'daily_login', points: 1, dailyCap: 1 },
        { kind: 'daily_login', points: 2, dailyCap: null },
      ],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toBe('「每日登录」的积分规则重复');
    expect((await put(w.townSchool, { rules: [{ kind: 'x', points: 1, dailyCap: null }] })).status).toBe(400);
    expect((await put(w.townSchool, { rules: [], extra: 1 })).status).toBe(400);
    expect((await put(w.plain, { rules: [{ kind: 'daily_login', points: 1, dailyCap: 1 }] })).status).toBe(403);
    const saved = await put(w.townSchool, { rules: [{ kind: 'survey_answered', points: 4, dailyCap: null }] });
    expect(saved.status).toBe(200);
    expect(saved.body.data).toEqual([{ kind: 'survey_answered', label: '参与问卷调查', points: 4, dailyCap: null }]);
    expect((await award(w.sunyi.memberId, 'survey_answered', 'S9'))?.points).toBe(4);
    expect(await award(w.sunyi.memberId, 'lesson_completed', 'L9')).toMatchObject({
      points: 0,
      reason: '完成课程学习：未设置积分规则',
    });
  });

  it('awards a meeting attended once, from the check-in', async () => {
    const outbox = await t.get(OutboxService);
    const scheduled = await t
      .http()
      .post('/api/admin/party/meetings')
      .set('Authorization', w.admin.auth)
      .send({
        orgId: w.branchB.id,
        type: 'committee',
        startsAt: iso(-10),
        endsAt: iso(60),
        place: '村委会',
        host: '王书记',
        topic: '研究本月工作',
        lng: 120.1,
        lat: 30.2,
        radiusM: 200,
      });
    expect(scheduled.status).toBe(201);
    const meetingId = scheduled.body.data.id as string;
    // Back to the usual table (the previous test left only surveys): a meeting earns 3.
    const restored = await t
      .http()
      .put('/api/admin/study/points-rules')
      .set('Authorization', w.townSchool.auth)
      .send({ rules: defaultPointsRules });
    expect(restored.status).toBe(200);
    const checkIn = await t
      .http()
      .post(`/api/mp/party/meetings/${meetingId}/check-in`)
      .set('Authorization', w.sunyi.auth)
      .send({ method: 'location', lng: 120.1, lat: 30.2 });
    expect(checkIn.status).toBe(201);
    await outbox.deliverDue(new Date(Date.now() + 1000));
    await outbox.deliverDue(new Date(Date.now() + 2000));
    const ds = await dataSourceOf(t);
    const entries = await ds
      .getRepository(PointsEntry)
      .findBy({ memberId: w.sunyi.memberId, kind: 'meeting_attended' });
    expect(entries.map((e) => [e.sourceId, e.points])).toEqual([[meetingId, 3]]);
  });

  it("awards a passed exam once per exam, and a member's survey but not a resident's", async () => {
    const events = await t.get(DomainEvents);
    const outbox = await t.get(OutboxService);
    const ds = await dataSourceOf(t);
    await ds.transaction(async (em) => {
      // Two passed attempts of one exam, one survey of a member, one of a resident.
      await events.append(em, ExamPassedEvent, { memberId: w.wangwu.memberId, examId: 'E1', attemptId: 'A1' }, 'x:A1');
      await events.append(em, ExamPassedEvent, { memberId: w.wangwu.memberId, examId: 'E1', attemptId: 'A2' }, 'x:A2');
      await events.append(em, SurveyAnsweredEvent, { surveyId: 'SV1', memberId: w.wangwu.memberId }, 'x:SV1:m');
      await events.append(em, SurveyAnsweredEvent, { surveyId: 'SV1', memberId: null }, 'x:SV1:r');
    });
    await outbox.deliverDue(new Date(Date.now() + 1000));
    const entries = await ds
      .getRepository(PointsEntry)
      .findBy({ memberId: w.wangwu.memberId, sourceId: In(['E1', 'SV1']) });
    expect(entries.map((e) => [e.kind, e.sourceId, e.points]).sort()).toEqual([
      ['exam_passed', 'E1', 5],
      ['survey_answered', 'SV1', 1],
    ]);
    expect(await ds.getRepository(PointsEntry).countBy({ sourceId: 'SV1' })).toBe(1);
  });
});
