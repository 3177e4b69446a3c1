import { maskIdNumber, maskPhone } from '@zhili/shared';
import type { MeetingDetailVO, MyMeetingDetailVO, MyMeetingsVO, MyPartyHomeVO } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { mpLogin, type MpFixture } from './support/mp-fixtures';
import { day, monthsFrom, partyStaff, registryPerson, townPartyAdmin } from './support/party-fixtures';
import type { Region } from '../src/modules/region';
import { MpUser } from '../src/modules/mp-user';

const backend = currentBackend();
type Who = { id: string; auth: string };

const iso = (offsetMin: number) => new Date(Date.now() + offsetMin * 60_000).toISOString();
const PHONE = '13812345678';
const ID_NUMBER = '330102199003074517';

/**
 * The mini-program's party section through the API: /me answers any signed-in user (member: null
 * for a resident, not 403), masks the member's file, shows a 预备党员's probation from the shared
 * rules; my meetings carry my attendance and another branch's meeting is not found.
 */
describe(`party mini-program on ${backend.name}`, () => {
  let t: TestApp;
  let admin: Who;
  let secretaryA: Who;
  let secretaryB: Who;
  let branchA: { id: string };
  let branchB: { id: string };
  let fullA: MpFixture;
  let probationaryA: MpFixture;
  let memberB: MpFixture;
  let resident: MpFixture;
  let unlinked: MpFixture;
  let meetingA: MeetingDetailVO;
  let meetingB: MeetingDetailVO;
  let probationJoined: string;

  const get = (who: Who, path: string) => t.http().get(path).set('Authorization', who.auth);
  const post = (who: Who, path: string, body: object) => t.http().post(path).set('Authorization', who.auth).send(body);
  const put = (who: Who, path: string, body: object) => t.http().put(path).set('Authorization', who.auth).send(body);
  const me = async (who: Who) => {
    const res = await get(who, '/api/mp/party/me');
    expect(res.status).toBe(200);
    return res.body.data as MyPartyHomeVO;
  };
  const myMeetings = async (who: Who) => {
    const res = await get(who, '/api/mp/party/meetings');
    expect(res.status).toBe(200);
    return res.body.data as MyMeetingsVO;
  };
  const schedule = async (who: Who, orgId: string, body: object = {}) => {
    const res = await post(who, '/api/admin/party/meetings', {
      orgId,
      type: 'committee',
      startsAt: iso(-10),
      endsAt: iso(60),
      place: '村委会',
      host: '王书记',
      topic: '研究本月工作',
      ...body,
    });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data as MeetingDetailVO;
  };
  const partyMemberLogin = async (identity: string) => {
    const first = await mpLogin(t, identity);
    await (await dataSourceOf(t)).getRepository(MpUser).update({ id: first.id }, { roles: ['party_member'] });
    return mpLogin(t, identity);
  };

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    const town = await createRegion(t, '青山镇', 'town');
    const villageA = await createRegion(t, '幸福村', 'village', town);
    const villageB = await createRegion(t, '和谐村', 'village', town);
    admin = await townPartyAdmin(t, 'mp.town', town);
    secretaryA = await partyStaff(t, 'mp.sec.a', villageA);
    secretaryB = await partyStaff(t, 'mp.sec.b', villageB);
    const org = async (parentId: string | null, type: string, name: string, committee: object[] = []) => {
      const res = await post(admin, '/api/admin/party/orgs', {
        parentId,
        type,
        name,
        foundedOn: '2015-01-01',
        committee,
      });
      if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
      return res.body.data as { id: string };
    };
    const committee = await org(null, 'committee', '青山镇党委');
    const secretaryPerson = await registryPerson(t, '王书记', villageA);
    branchA = await org(committee.id, 'branch', '幸福村党支部', [{ role: 'secretary', personId: secretaryPerson.id }]);
    branchB = await org(committee.id, 'branch', '和谐村党支部');
    await post(admin, `/api/admin/party/orgs/${branchA.id}/staff`, { staffUserId: secretaryA.id });
    await post(admin, `/api/admin/party/orgs/${branchB.id}/staff`, { staffUserId: secretaryB.id });
    const member = async (name: string, region: Region, orgId: string, extra: object, person: object = {}) => {
      const p = await registryPerson(t, name, region, person);
      const res = await post(admin, '/api/admin/party/members', { personId: p.id, orgId, ...extra });
      if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
      return res.body.data as { id: string };
    };
    probationJoined = day(-40);
    const full = await member(
      '李四',
      villageA,
      branchA.id,
      { category: 'full', joinedOn: '2001-07-01', convertedOn: '2002-07-01', position: '村民小组长' },
      { phone: PHONE, idNumber: ID_NUMBER },
    );
    const probationary = await member('李五', villageA, branchA.id, {
      category: 'probationary',
      joinedOn: probationJoined,
    });
    const inB = await member('孙一', villageB, branchB.id, { category: 'full', joinedOn: '2005-07-01' });
    fullA = await partyMemberLogin('mp-full-a');
    probationaryA = await partyMemberLogin('mp-prob-a');
    memberB = await partyMemberLogin('mp-b');
    unlinked = await partyMemberLogin('mp-unlinked');
    resident = await mpLogin(t, 'mp-resident');
    for (const [m, u] of [
      [full, fullA],
      [probationary, probationaryA],
      [inB, memberB],
    ] as const) {
      const res = await put(admin, `/api/admin/party/members/${m.id}/mp-account`, { mpUserId: u.id });
      expect(res.status).toBe(204);
    }
    meetingA = await schedule(secretaryA, branchA.id, { lng: 120.1, lat: 30.2, radiusM: 200 });
    meetingB = await schedule(secretaryB, branchB.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers member: null to a resident and to a party member whose file is not linked, not 403', async () => {
    expect(await me(resident)).toEqual({ member: null });
    expect(await me(unlinked)).toEqual({ member: null });
    // The meetings themselves stay a member's business.
    expect((await get(resident, '/api/mp/party/meetings')).status).toBe(403);
    expect((await get(unlinked, '/api/mp/party/meetings')).status).toBe(404);
  });

  it('shows my branch with its path and committee, and my file with the numbers masked', async () => {
    const { member } = await me(fullA);
    expect(member).not.toBeNull();
    expect(member?.branch).toEqual({ id: branchA.id, name: '幸福村党支部', path: ['青山镇党委', '幸福村党支部'] });
    expect(member?.committee).toEqual([{ role: 'secretary', name: '王书记' }]);
    expect(member?.file).toEqual({
      name: '李四',
      category: 'full',
      joinedOn: '2001-07-01',
      convertedOn: '2002-07-01',
      position: '村民小组长',
      education: null,
      workUnit: null,
      phone: maskPhone(PHONE),
      idNumber: maskIdNumber(ID_NUMBER),
    });
    const raw = JSON.stringify(member);
    expect(raw).not.toContain(PHONE);
    expect(raw).not.toContain(ID_NUMBER);
    expect(member?.progress).toBeNull();
  });

  it('shows a 预备党员 the probation: one year from admission, the conversion due when it ends', async () => {
    const { member } = await me(probationaryA);
    const ends = monthsFrom(probationJoined, 12);
    expect(member?.file.category).toBe('probationary');
    expect(member?.progress).toEqual({
      stage: 'probationary',
      admittedOn: probationJoined,
      probationEndsOn: ends,
      postponedMonths: null,
      next: 'conversion_vote',
      nextFrom: ends,
      nextBy: monthsFrom(ends, 1),
      overdue: false,
    });
  });

  it('counts unread notices and the meetings I still have to attend', async () => {
    const notice = await post(admin, '/api/admin/party/notices', {
      orgId: branchA.id,
      audience: 'org',
      targetOrgId: branchA.id,
      title: '关于开展主题党日的通知',
      body: '<p>请准时参加</p>',
    });
    expect(notice.status).toBe(201);
    expect((await post(admin, `/api/admin/party/notices/${notice.body.data.id}/publish`, {})).status).toBe(200);
    expect((await me(fullA)).member?.counts).toEqual({ unreadNotices: 1, meetingsToAttend: 1 });
    expect((await me(memberB)).member?.counts).toEqual({ unreadNotices: 0, meetingsToAttend: 1 });
    expect((await get(fullA, `/api/mp/party/notices/${notice.body.data.id}`)).status).toBe(200);
    expect((await me(fullA)).member?.counts.unreadNotices).toBe(0);
  });

  it('lists my meetings with my attendance, and a check-in settles it', async () => {
    const before = await myMeetings(fullA);
    expect(before.upcoming.map((m) => m.id)).toEqual([meetingA.id]);
    expect(before.upcoming[0]).toMatchObject({
      orgName: '幸福村党支部',
      phase: 'ongoing',
      attendance: 'invited',
      canCheckIn: true,
      canRequestLeave: true,
    });
    const checkIn = await post(fullA, `/api/mp/party/meetings/${meetingA.id}/check-in`, {
      method: 'location',
      lng: 120.1,
      lat: 30.2,
    });
    expect(checkIn.status).toBe(201);
    const after = await get(fullA, `/api/mp/party/meetings/${meetingA.id}`);
    expect(after.status).toBe(200);
    expect(after.body.data as MyMeetingDetailVO).toMatchObject({
      attendance: 'checked_in',
      checkInMethod: 'location',
      canCheckIn: false,
      canRequestLeave: false,
      locationCheckIn: true,
      radiusM: 200,
    });
    expect((await me(fullA)).member?.counts.meetingsToAttend).toBe(0);
  });

  it('shows a leave request as requested, then approved', async () => {
    const leave = await post(probationaryA, `/api/mp/party/meetings/${meetingA.id}/leave`, { reason: '外出务工' });
    expect(leave.status).toBe(204);
    const requested = (await get(probationaryA, `/api/mp/party/meetings/${meetingA.id}`)).body
      .data as MyMeetingDetailVO;
    expect(requested).toMatchObject({ attendance: 'leave_requested', leaveReason: '外出务工', canRequestLeave: false });
    const members = (await get(secretaryA, `/api/admin/party/meetings/${meetingA.id}`)).body.data as MeetingDetailVO;
    const li5 = members.attendees.find((a) => a.name === '李五');
    const decided = await post(secretaryA, `/api/admin/party/meetings/${meetingA.id}/leave/${li5?.memberId}`, {
      approve: true,
    });
    expect(decided.status).toBe(200);
    const approved = (await myMeetings(probationaryA)).upcoming[0];
    expect(approved).toMatchObject({ attendance: 'leave_approved', canCheckIn: false, canRequestLeave: false });
    expect((await me(probationaryA)).member?.counts.meetingsToAttend).toBe(0);
  });

  it("answers 404 for another branch's meeting, both ways", async () => {
    const other = await get(fullA, `/api/mp/party/meetings/${meetingB.id}`);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('NOT_FOUND');
    expect((await get(memberB, `/api/mp/party/meetings/${meetingA.id}`)).status).toBe(404);
    expect((await myMeetings(memberB)).upcoming.map((m) => m.id)).toEqual([meetingB.id]);
  });

  it('puts an ended meeting under recent, latest first', async () => {
    const ended = await schedule(secretaryA, branchA.id, {
      startsAt: iso(-180),
      endsAt: iso(-120),
      topic: '上月支委会',
    });
    const list = await myMeetings(fullA);
    expect(list.upcoming.map((m) => m.id)).toEqual([meetingA.id]);
    expect(list.recent.map((m) => m.id)).toEqual([ended.id]);
    expect(list.recent[0]).toMatchObject({
      phase: 'ended',
      attendance: 'invited',
      canCheckIn: false,
      canRequestLeave: false,
    });
  });
});
