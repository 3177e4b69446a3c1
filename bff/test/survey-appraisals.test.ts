import type { AppraisalRoundVO, MyAppraisalRoundVO } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { devPhoneCode, mpLogin } from './support/mp-fixtures';
import { day, PARTY_WORK, partyStaff, registryPerson } from './support/party-fixtures';
import { MpUser } from '../src/modules/mp-user';
import { AppraisalVote } from '../src/modules/survey/appraisals/appraisal.entity';

const backend = currentBackend();
type Who = { id: string; auth: string };

/**
 * Democratic appraisal (民主评议) through the API: who votes in which group (leader by committee
 * seat, member by branch, resident by village), one vote per voter and member, nobody grades
 * themself, results hidden until the secretary closes, the 60/30/10 score with a group missing,
 * secret ballots in the table, staff scope.
 */
describe(`democratic appraisal on ${backend.name}`, () => {
  let t: TestApp;
  let admin: Who;
  let secretaryA: Who;
  let secretaryB: Who;
  let branchA: { id: string };
  let m1: Who & { memberId: string };
  let m2: Who & { memberId: string };
  let leader: Who & { memberId: string };
  let memberB: Who & { memberId: string };
  let residentA: Who;
  let residentB: Who;
  let round: AppraisalRoundVO;

  const get = (who: Who, path: string) => t.http().get(path).set('Authorization', who.auth);
  const post = (who: Who, path: string, body: object = {}) =>
    t.http().post(path).set('Authorization', who.auth).send(body);
  const vote = (who: Who, votes: { memberId: string; grade: string }[]) =>
    post(who, `/api/mp/appraisals/${round.id}/votes`, { votes });

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    const town = await createRegion(t, '青山镇', 'town');
    const a = await createRegion(t, '幸福村', 'village', town);
    const b = await createRegion(t, '和谐村', 'village', town);
    const WORK = [...PARTY_WORK, 'survey:manage' as const];
    admin = await partyStaff(t, 'ap.town', town, ['party:manage', ...WORK]);
    secretaryA = await partyStaff(t, 'ap.sec.a', a, WORK);
    secretaryB = await partyStaff(t, 'ap.sec.b', b, WORK);
    const org = async (
      parentId: string | null,
      type: string,
      name: string,
      regionId: string | null = null,
      committee: object[] = [],
    ) => {
      const res = await post(admin, '/api/admin/party/orgs', {
        parentId,
        type,
        name,
        foundedOn: '2015-01-01',
        regionId,
        committee,
      });
      if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
      return res.body.data as { id: string };
    };
    const committee = await org(null, 'committee', '青山镇党委');
    // The leader holds the secretary's seat on the branch's committee (a seat names the registry person).
    const leaderPerson = await registryPerson(t, '王书记', a);
    branchA = await org(committee.id, 'branch', '幸福村党支部', a.id, [
      { role: 'secretary', personId: leaderPerson.id },
    ]);
    const branchB = await org(committee.id, 'branch', '和谐村党支部', b.id);
    await post(admin, `/api/admin/party/orgs/${branchA.id}/staff`, { staffUserId: secretaryA.id });
    await post(admin, `/api/admin/party/orgs/${branchB.id}/staff`, { staffUserId: secretaryB.id });
    const ds = await dataSourceOf(t);
    const member = async (identity: string, name: string, orgId: string, region: typeof a, person?: { id: string }) => {
      const p = person ?? (await registryPerson(t, name, region));
      const res = await post(admin, '/api/admin/party/members', {
        personId: p.id,
        orgId,
        category: 'full',
        joinedOn: '2001-07-01',
        convertedOn: '2002-07-01',
      });
      if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
      const first = await mpLogin(t, identity, name);
      await ds.getRepository(MpUser).update({ id: first.id }, { roles: ['party_member'] });
      const linked = await t
        .http()
        .put(`/api/admin/party/members/${res.body.data.id}/mp-account`)
        .set('Authorization', admin.auth)
        .send({ mpUserId: first.id });
      expect(linked.status).toBe(204);
      return { ...(await mpLogin(t, identity, name)), memberId: res.body.data.id as string };
    };
    m1 = await member('ap-m1', '李四', branchA.id, a);
    m2 = await member('ap-m2', '李五', branchA.id, a);
    leader = await member('ap-leader', '王书记', branchA.id, a, leaderPerson);
    memberB = await member('ap-b', '孙一', branchB.id, b);
    const resident = async (identity: string, phone: string, region: typeof a) => {
      const user = await mpLogin(t, identity, '居民');
      expect((await post(user, '/api/mp/me/phone', { code: await devPhoneCode(t.sim, phone) })).status).toBe(200);
      await registryPerson(t, `居民${phone.slice(-4)}`, region, { phone });
      return user;
    };
    residentA = await resident('ap-res-a', '13900000011', a);
    residentB = await resident('ap-res-b', '13900000012', b);
    const opened = await post(secretaryA, '/api/admin/appraisals', {
      orgId: branchA.id,
      title: '2026年度民主评议党员',
      period: '2026年度',
      opensOn: day(-1),
      closesOn: day(7),
    });
    expect(opened.status).toBe(201);
    round = opened.body.data as AppraisalRoundVO;
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it('opens for every active member of the branch, with residents because the branch serves a village', () => {
    expect(round).toMatchObject({ status: 'open', phase: 'open', hasResidents: true, results: null, summary: null });
    expect(round.appraisees.map((x) => x.name).sort()).toEqual(['李五', '李四', '王书记'].sort());
  });

  it('puts each voter in their group and never offers a member themself', async () => {
    const mine = async (who: Who) => {
      const res = await get(who, `/api/mp/appraisals/${round.id}`);
      expect(res.status).toBe(200);
      return res.body.data as MyAppraisalRoundVO;
    };
    expect((await mine(leader)).group).toBe('leader');
    const own = await mine(m1);
    expect(own.group).toBe('member');
    expect(own.appraisees.map((x) => x.memberId)).not.toContain(m1.memberId);
    expect((await mine(residentA)).group).toBe('resident');
    expect(((await get(residentA, '/api/mp/appraisals')).body.data as MyAppraisalRoundVO[]).map((r) => r.id)).toEqual([
      round.id,
    ]);
    // Another village's resident and another branch's member are not voters: 404, and nothing listed.
    expect((await get(residentB, `/api/mp/appraisals/${round.id}`)).status).toBe(404);
    expect((await get(memberB, `/api/mp/appraisals/${round.id}`)).status).toBe(404);
    expect((await get(residentB, '/api/mp/appraisals')).body.data).toEqual([]);
    expect((await vote(memberB, [{ memberId: m1.memberId, grade: 'excellent' }])).status).toBe(404);
    expect((await vote(m1, [{ memberId: m1.memberId, grade: 'excellent' }])).status).toBe(400);
  });

  it('takes one vote per voter and member, keeps scores hidden while open, and scores 60/30/10 on close', async () => {
    expect(
      (
        await vote(m1, [
          { memberId: m2.memberId, grade: 'excellent' },
          { memberId: leader.memberId, grade: 'competent' },
        ])
      ).status,
    ).toBe(201);
    const again = await vote(m1, [{ memberId: m2.memberId, grade: 'incompetent' }]);
    expect(again.status).toBe(409);
    expect(
      (
        await vote(leader, [
          { memberId: m1.memberId, grade: 'basic' },
          { memberId: m2.memberId, grade: 'competent' },
        ])
      ).status,
    ).toBe(201);
    const byResident = await vote(residentA, [
      { memberId: m1.memberId, grade: 'excellent' },
      { memberId: m2.memberId, grade: 'incompetent' },
    ]);
    expect(byResident.status).toBe(201);
    expect((byResident.body.data as MyAppraisalRoundVO).appraisees.filter((x) => x.voted)).toHaveLength(2);

    // While open: progress per group, no scores anywhere.
    const open = await get(secretaryA, `/api/admin/appraisals/${round.id}`);
    expect(open.status).toBe(200);
    const vo = open.body.data as AppraisalRoundVO;
    expect(vo.results).toBeNull();
    expect(vo.progress).toEqual([
      { group: 'resident', voters: 1, votes: 2 },
      { group: 'member', voters: 1, votes: 2 },
      { group: 'leader', voters: 1, votes: 2 },
    ]);
    expect(JSON.stringify(open.body)).not.toContain('score');
    // Secret ballot: the grades carry a group, never the voter.
    const ds = await dataSourceOf(t);
    const stored = await ds.getRepository(AppraisalVote).findBy({ roundId: round.id });
    expect(stored).toHaveLength(6);
    expect(Object.keys(stored[0]).sort()).toEqual(['grade', 'id', 'memberId', 'roundId', 'score', 'voterGroup']);
    expect(JSON.stringify(stored)).not.toContain(residentA.id);

    // Only the branch's secretary (or the town) closes; another branch's does not even find it.
    expect((await post(secretaryB, `/api/admin/appraisals/${round.id}/close`)).status).toBe(404);
    expect((await get(secretaryB, `/api/admin/appraisals/${round.id}`)).status).toBe(404);
    const closed = await post(secretaryA, `/api/admin/appraisals/${round.id}/close`);
    expect(closed.status).toBe(200);
    const result = closed.body.data as AppraisalRoundVO;
    expect(result.status).toBe('closed');
    const score = (id: string) => result.results?.find((r) => r.memberId === id);
    // 李五: residents 0 (60 %), members 100 (30 %), leaders 80 (10 %) → 38.0.
    expect(score(m2.memberId)?.score).toBe(38);
    // 李四: no member voted for him (he cannot vote for himself): residents 100 and leaders 60 are
    // renormalised over 70 % → (60×100 + 10×60) / 70 = 94.29 → 94.3.
    expect(score(m1.memberId)).toMatchObject({
      score: 94.3,
      groups: [
        { group: 'resident', votes: 1, mean: 100, weight: 85.7 },
        { group: 'leader', votes: 1, mean: 60, weight: 14.3 },
      ],
    });
    // 王书记: only one member voted → that group's mean is the score.
    expect(score(leader.memberId)?.score).toBe(80);
    expect(result.results?.map((r) => r.name)).toEqual(['李四', '王书记', '李五']);
    expect(result.summary).toEqual({ average: 70.8, voters: 3 });
    // Voting has ended.
    expect((await vote(m2, [{ memberId: m1.memberId, grade: 'excellent' }])).status).toBe(409);
  });

  it("keeps appraisals to the staff member's organisations", async () => {
    const listB = (await get(secretaryB, '/api/admin/appraisals')).body.data as AppraisalRoundVO[];
    expect(listB.map((r) => r.id)).not.toContain(round.id);
    const listTown = (await get(admin, '/api/admin/appraisals')).body.data as AppraisalRoundVO[];
    expect(listTown.map((r) => r.id)).toContain(round.id);
    const foreign = await post(secretaryB, '/api/admin/appraisals', {
      orgId: branchA.id,
      title: '越界',
      period: '2026年度',
      opensOn: day(0),
      closesOn: day(3),
    });
    expect(foreign.status).toBe(400);
    const stranger = await post(secretaryA, '/api/admin/appraisals', {
      orgId: branchA.id,
      title: '名单外',
      period: '2026年度',
      opensOn: day(0),
      closesOn: day(3),
      memberIds: [memberB.memberId],
    });
    expect(stranger.status).toBe(400);
  });
});
