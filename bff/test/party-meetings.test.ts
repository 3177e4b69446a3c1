import type { MeetingComplianceRowVO, MeetingDetailVO, MeetingVO } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TEST_APPID, TestApp } from './support/test-app';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { mpLogin, type MpFixture } from './support/mp-fixtures';
import { createPartyOrg, partyStaff, registryPerson, townPartyAdmin } from './support/party-fixtures';
import type { Region } from '../src/modules/region';
import { MpUser } from '../src/modules/mp-user';
import { CheckInTokenService } from '../src/modules/party/meetings/check-in-token.service';
import { OutboxService } from '../src/core/outbox';
import { AuditLog } from '../src/core/audit';
import { StoredFile } from '../src/modules/file';

const backend = currentBackend();
const TEMPLATE = 'sim_tmpl_party_meeting';
/** A configured 三会一课 table (not the default): no 党课 or 支部党员大会, a yearly 民主评议. */
const REQUIREMENTS = [
  { type: 'committee', cadence: 'month' },
  { type: 'group', cadence: 'month' },
  { type: 'appraisal', cadence: 'year' },
];
type Who = { id: string; auth: string };
/** The smallest JPEG the upload accepts (a photo of the meeting). */
const jpeg = Buffer.from([
  0xff, 0xd8, 0xff, 0xdb, 0x00, 0x04, 0x01, 0x02, 0xff, 0xda, 0x00, 0x04, 0x01, 0x00, 0x12, 0x34, 0xff, 0xd9,
]);

const iso = (offsetMin: number) => new Date(Date.now() + offsetMin * 60_000).toISOString();
/** The meeting place: 幸福村村委会 (GCJ-02). */
const place = { lng: 120.1, lat: 30.2 };
/** About 111 m north of the place per 0.001° of latitude. */
const north = (metres: number) => ({ lng: place.lng, lat: place.lat + metres / 111_195 });

/**
 * 三会一课 through the API: a meeting invites the branch's members; check-in by the host's QR or by
 * location goes through the shared rules (window, invitation, duplicate, radius) and a forged or
 * expired QR is refused; the compliance table counts the year's meetings; another branch's secretary
 * gets 404 for the meeting.
 */
describe(`party meetings on ${backend.name}`, () => {
  let t: TestApp;
  let admin: Who;
  let secretaryA: Who;
  let secretaryB: Who;
  let branchA: { id: string };
  let branchB: { id: string };
  let memberA1: { id: string };
  let memberB1: { id: string };
  let userA1: MpFixture;
  let userA2: MpFixture;
  let userB1: MpFixture;
  let meeting: MeetingDetailVO;

  const get = (who: Who, path: string) => t.http().get(path).set('Authorization', who.auth);
  const post = (who: Who, path: string, body: object) => t.http().post(path).set('Authorization', who.auth).send(body);
  const put = (who: Who, path: string, body: object) => t.http().put(path).set('Authorization', who.auth).send(body);
  const checkIn = (who: Who, id: string, body: object) => post(who, `/api/mp/party/meetings/${id}/check-in`, body);
  const schedule = async (who: Who, body: object) => {
    const res = await post(who, '/api/admin/party/meetings', {
      orgId: branchA.id,
      type: 'committee',
      startsAt: iso(-10),
      endsAt: iso(60),
      place: '幸福村村委会',
      host: '王书记',
      topic: '研究本月工作',
      ...body,
    });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data as MeetingDetailVO;
  };
  /** A mini-program user holding the party_member role (as a redeemed binding code gives it). */
  const partyMemberLogin = async (identity: string) => {
    const first = await mpLogin(t, identity);
    await (await dataSourceOf(t)).getRepository(MpUser).update({ id: first.id }, { roles: ['party_member'] });
    return mpLogin(t, identity);
  };
  const tokenOf = async (id: string) =>
    (await post(secretaryA, `/api/admin/party/meetings/${id}/check-in-token`, {})).body.data.token as string;

  beforeAll(async () => {
    t = await startTestApp(backend, {
      JOBS_ENABLED: 'false',
      WECHAT_TMPL_PARTY_MEETING: TEMPLATE,
      PARTY_MEETING_REQUIREMENTS: JSON.stringify(REQUIREMENTS),
    });
    const town = await createRegion(t, '青山镇', 'town');
    const villageA = await createRegion(t, '幸福村', 'village', town);
    const villageB = await createRegion(t, '和谐村', 'village', town);
    admin = await townPartyAdmin(t, 'meet.town', town);
    secretaryA = await partyStaff(t, 'meet.sec.a', villageA);
    secretaryB = await partyStaff(t, 'meet.sec.b', villageB);
    const committee = await createPartyOrg(t, admin, { parentId: null, type: 'committee', name: '青山镇党委' });
    branchA = await createPartyOrg(t, admin, { parentId: committee.id, type: 'branch', name: '幸福村党支部' });
    branchB = await createPartyOrg(t, admin, { parentId: committee.id, type: 'branch', name: '和谐村党支部' });
    await post(admin, `/api/admin/party/orgs/${branchA.id}/staff`, { staffUserId: secretaryA.id });
    await post(admin, `/api/admin/party/orgs/${branchB.id}/staff`, { staffUserId: secretaryB.id });
    const member = async (name: string, region: Region, orgId: string) => {
      const person = await registryPerson(t, name, region);
      const res = await post(admin, '/api/admin/party/members', {
        personId: person.id,
        orgId,
        category: 'full',
        joinedOn: '2001-07-01',
      });
      return res.body.data as { id: string };
    };
    memberA1 = await member('李一', villageA, branchA.id);
    const memberA2 = await member('李二', villageA, branchA.id);
    memberB1 = await member('孙一', villageB, branchB.id);
    userA1 = await partyMemberLogin('meet-a1');
    userA2 = await partyMemberLogin('meet-a2');
    userB1 = await partyMemberLogin('meet-b1');
    const resident = await mpLogin(t, 'meet-resident');
    const notMember = await put(admin, `/api/admin/party/members/${memberA1.id}/mp-account`, { mpUserId: resident.id });
    expect(notMember.status).toBe(400);
    for (const [m, u] of [
      [memberA1, userA1],
      [memberA2, userA2],
      [memberB1, userB1],
    ] as const) {
      const res = await put(admin, `/api/admin/party/members/${m.id}/mp-account`, { mpUserId: u.id });
      expect(res.status).toBe(204);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('invites the branch members at scheduling and shows the attendance', async () => {
    meeting = await schedule(secretaryA, { ...place, radiusM: 200 });
    expect(meeting).toMatchObject({ orgName: '幸福村党支部', invited: 2, present: 0, onLeave: 0, attendanceRate: 0 });
    // In pinyin order (李二 before 李一), as the portal lists names.
    expect(meeting.attendees.map((a) => [a.name, a.status])).toEqual([
      ['李二', 'absent'],
      ['李一', 'absent'],
    ]);
  });

  it('pushes the invitation to an invitee who allowed the template, and to nobody else', async () => {
    const ds = await dataSourceOf(t);
    const outbox = await t.get(OutboxService);
    // The first meeting's invitations go out before anyone allowed the template: WeChat refuses them.
    await outbox.deliverDue(new Date(Date.now() + 1000));
    const openidOf = async (id: string) => (await ds.getRepository(MpUser).findOneByOrFail({ id })).openid;
    const res = await fetch(`${t.sim.url}/__dev/subscribe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ appid: TEST_APPID, openid: await openidOf(userA1.id), templateIds: [TEMPLATE] }),
    });
    expect(res.status).toBe(200);
    const lecture = await schedule(secretaryA, {
      type: 'lecture',
      topic: '学习党章',
      startsAt: iso(3 * 60),
      endsAt: iso(4 * 60),
    });
    await outbox.deliverDue(new Date(Date.now() + 2000));
    const sent = t.sim.subscribeMessages(await openidOf(userA1.id));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      template_id: TEMPLATE,
      page: `party/pages/meeting/index?id=${lecture.id}`,
      data: { thing1: { value: '党课：学习党章' }, thing3: { value: '幸福村村委会' } },
    });
    expect(t.sim.subscribeMessages(await openidOf(userB1.id))).toEqual([]);
  });

  it('refuses a meeting whose end is before its start, or half a coordinate', async () => {
    const res = await post(secretaryA, '/api/admin/party/meetings', {
      orgId: branchA.id,
      type: 'lecture',
      startsAt: iso(60),
      endsAt: iso(30),
      place: '村委会',
      host: '王书记',
      topic: '党课',
      lng: 120.1,
    });
    expect(res.status).toBe(400);
    const fields = (res.body.error.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['endsAt', 'lat']);
  });

  it('refuses a location outside the radius, in Chinese, and accepts one inside once', async () => {
    const far = await checkIn(userA1, meeting.id, { method: 'location', ...north(500) });
    expect(far.status).toBe(409);
    expect(far.body.error.details).toEqual([{ field: 'rule', message: 'CHECKIN_TOO_FAR' }]);
    expect(far.body.error.message).toMatch(/^您距会议地点约 5\d\d 米，需在 200 米内签到$/);
    const near = await checkIn(userA1, meeting.id, { method: 'location', ...north(100) });
    expect(near.status).toBe(201);
    expect(near.body.data.method).toBe('location');
    const twice = await checkIn(userA1, meeting.id, { method: 'location', ...north(50) });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ message: '您已签到，无需重复签到' });
  });

  it('accepts the host QR once and refuses forged, expired and other meetings’ tokens', async () => {
    const token = await tokenOf(meeting.id);
    const forged = `${token.slice(0, -3)}${token.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    const refusedWith = async (body: object) => {
      const res = await checkIn(userA2, meeting.id, body);
      expect(res.status).toBe(409);
      return res.body.error.details[0].message as string;
    };
    expect(await refusedWith({ method: 'qr', token: forged })).toBe('CHECKIN_QR_INVALID');
    const expired = (await t.get(CheckInTokenService)).issue(meeting.id, Date.now() - 130_000).token;
    expect(await refusedWith({ method: 'qr', token: expired })).toBe('CHECKIN_QR_INVALID');
    const other = await schedule(secretaryA, { type: 'group', topic: '党小组学习' });
    expect(await refusedWith({ method: 'qr', token: await tokenOf(other.id) })).toBe('CHECKIN_QR_INVALID');
    const ok = await checkIn(userA2, meeting.id, { method: 'qr', token });
    expect(ok.status).toBe(201);
    expect(await refusedWith({ method: 'qr', token })).toBe('CHECKIN_DUPLICATE');
    const detail = (await get(secretaryA, `/api/admin/party/meetings/${meeting.id}`)).body.data as MeetingDetailVO;
    expect(detail).toMatchObject({ present: 2, attendanceRate: 1 });
    expect(detail.attendees.map((a) => a.method)).toEqual(['qr', 'location']);
  });

  it('refuses the uninvited, before the window and after the meeting', async () => {
    const uninvited = await checkIn(userB1, meeting.id, { method: 'qr', token: await tokenOf(meeting.id) });
    expect(uninvited.status).toBe(409);
    expect(uninvited.body.error.message).toBe('您不在本次会议的参会名单中');
    const later = await schedule(secretaryA, { startsAt: iso(24 * 60), endsAt: iso(25 * 60), type: 'lecture' });
    const early = await checkIn(userA1, later.id, { method: 'qr', token: await tokenOf(later.id) });
    expect(early.body.error.details[0].message).toBe('CHECKIN_NOT_OPEN');
    const past = await schedule(secretaryA, { startsAt: iso(-120), endsAt: iso(-60), type: 'theme_day' });
    const late = await checkIn(userA1, past.id, { method: 'qr', token: await tokenOf(past.id) });
    expect(late.body.error.details[0].message).toBe('CHECKIN_CLOSED');
    const noPlace = await checkIn(userA1, past.id, { method: 'location', ...place });
    expect(noPlace.status).toBe(409);
  });

  it('takes a leave request and its approval out of the expected count', async () => {
    const appraisal = await schedule(secretaryA, { type: 'appraisal', topic: '民主评议党员' });
    const leave = (who: Who, id: string, reason = '外出务工') =>
      post(who, `/api/mp/party/meetings/${id}/leave`, { reason });
    expect((await leave(userA1, appraisal.id)).status).toBe(204);
    expect((await leave(userB1, appraisal.id)).status).toBe(404);
    const decide = (who: Who, approve: boolean) =>
      post(who, `/api/admin/party/meetings/${appraisal.id}/leave/${memberA1.id}`, { approve });
    expect((await decide(secretaryB, true)).status).toBe(404);
    const approved = await decide(secretaryA, true);
    expect(approved.status).toBe(200);
    const detail = approved.body.data as MeetingDetailVO;
    expect(detail).toMatchObject({ invited: 2, onLeave: 1, present: 0, attendanceRate: 0 });
    expect(detail.attendees.find((a) => a.memberId === memberA1.id)).toMatchObject({
      status: 'leave',
      leaveStatus: 'approved',
      leaveReason: '外出务工',
    });
    expect((await decide(secretaryA, false)).body.error.details).toEqual([
      { field: 'rule', message: 'LEAVE_NOT_REQUESTED' },
    ]);
    await checkIn(userA2, appraisal.id, { method: 'qr', token: await tokenOf(appraisal.id) });
    const after = (await get(secretaryA, `/api/admin/party/meetings/${appraisal.id}`)).body.data as MeetingDetailVO;
    expect(after).toMatchObject({ present: 1, onLeave: 1, attendanceRate: 1 });
    expect((await leave(userA2, appraisal.id)).body.error.details).toEqual([
      { field: 'rule', message: 'LEAVE_PRESENT' },
    ]);
    const past = await schedule(secretaryA, { startsAt: iso(-180), endsAt: iso(-150), type: 'appraisal' });
    expect((await leave(userA1, past.id)).body.error.message).toBe('会议已结束，不能再请假');
  });

  it('edits the minutes, facts and photos of a meeting in scope, audited, and keeps the attendance', async () => {
    const upload = async (who: Who) => {
      const res = await t
        .http()
        .post('/api/admin/party/files')
        .set('Authorization', who.auth)
        .attach('file', jpeg, { filename: 'meeting.jpg', contentType: 'image/jpeg' });
      expect(res.status).toBe(201);
      return res.body.data.id as string;
    };
    const [p1, p2] = [await upload(secretaryA), await upload(secretaryA)];
    const edit = (who: Who, body: object) =>
      put(who, `/api/admin/party/meetings/${meeting.id}`, {
        place: '幸福村党群服务中心',
        host: '王书记',
        topic: '研究本月工作（含秋收安排）',
        minutes: '一、传达上级精神。\n二、研究秋收安排。',
        photoIds: [p1, p2],
        ...body,
      });
    const outside = await edit(secretaryB, {});
    expect(outside.status).toBe(404);
    // Photos uploaded by someone else cannot be taken over.
    const foreign = await edit(secretaryA, { photoIds: [await upload(secretaryB)] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details).toEqual([{ field: 'photoIds', message: '图片不存在或已被使用，请重新上传' }]);
    const blank = await edit(secretaryA, { topic: '  ', startsAt: iso(0) });
    expect(blank.status).toBe(400);
    expect((blank.body.error.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['startsAt', 'topic']);

    const res = await edit(secretaryA, {});
    expect(res.status).toBe(200);
    const edited = res.body.data as MeetingDetailVO;
    expect(edited).toMatchObject({
      place: '幸福村党群服务中心',
      topic: '研究本月工作（含秋收安排）',
      minutes: '一、传达上级精神。\n二、研究秋收安排。',
      type: 'committee',
      startsAt: meeting.startsAt,
      present: 2,
      attendanceRate: 1,
    });
    expect(edited.photos.map((p) => p.id)).toEqual([p1, p2]);
    expect(edited.photos[0].url).toMatch(/^\/api\/files\/.+\?exp=\d+&sig=/);
    const ds = await dataSourceOf(t);
    expect((await ds.getRepository(StoredFile).findOneByOrFail({ id: p1 })).scopePath).toMatch(/^party:\//);

    // Keeping one photo and dropping the other; the kept one is not attached a second time.
    const again = await edit(secretaryA, { photoIds: [p2], minutes: null });
    expect(again.status).toBe(200);
    expect(again.body.data).toMatchObject({ minutes: null, photos: [expect.objectContaining({ id: p2 })] });
    const detail = (await get(secretaryA, `/api/admin/party/meetings/${meeting.id}`)).body.data as MeetingDetailVO;
    expect(detail.photos.map((p) => p.id)).toEqual([p2]);
    const audits = await ds.getRepository(AuditLog).findBy({ action: 'party.meeting.update', resourceId: meeting.id });
    expect(audits).toHaveLength(2);
  });

  it('answers 403 to a resident and 404 to a party member whose file is not linked', async () => {
    const token = await tokenOf(meeting.id);
    const resident = await mpLogin(t, 'meet-stranger');
    expect((await checkIn(resident, meeting.id, { method: 'qr', token })).status).toBe(403);
    const unlinked = await partyMemberLogin('meet-unlinked');
    const res = await checkIn(unlinked, meeting.id, { method: 'qr', token });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('您的账号尚未关联党员档案，请联系支部书记');
  });

  it('keeps branch B’s secretary out of branch A’s meetings (404) and lists by scope', async () => {
    expect((await get(secretaryB, `/api/admin/party/meetings/${meeting.id}`)).status).toBe(404);
    expect((await post(secretaryB, `/api/admin/party/meetings/${meeting.id}/check-in-token`, {})).status).toBe(404);
    const create = await post(secretaryB, '/api/admin/party/meetings', {
      orgId: branchA.id,
      type: 'committee',
      startsAt: iso(0),
      endsAt: iso(60),
      place: '村委会',
      host: '孙书记',
      topic: '越权',
    });
    expect(create.status).toBe(400);
    const listB = (await get(secretaryB, '/api/admin/party/meetings')).body.data as MeetingVO[];
    expect(listB).toEqual([]);
    const listA = (await get(secretaryA, '/api/admin/party/meetings?type=committee')).body.data as MeetingVO[];
    expect(listA.map((m) => m.id)).toEqual([meeting.id]);
    expect((await get(secretaryB, `/api/admin/party/meetings/compliance?orgId=${branchA.id}`)).status).toBe(404);
  });

  it('filters the list by the Beijing month the meeting is held in', async () => {
    const month = new Date(Date.parse(meeting.startsAt) + 8 * 3600_000).toISOString().slice(0, 7);
    const list = async (q: string) => {
      const res = await get(secretaryA, `/api/admin/party/meetings?type=committee&${q}`);
      expect(res.status).toBe(200);
      return (res.body.data as MeetingVO[]).map((m) => m.id);
    };
    expect(await list(`month=${month}`)).toEqual([meeting.id]);
    expect(await list('month=2001-01')).toEqual([]);
    expect(await list('month=')).toEqual([meeting.id]);
    const bad = await get(secretaryA, '/api/admin/party/meetings?month=2026-13');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ field: 'month', message: '月份格式应为 YYYY-MM' }]);
  });

  it('counts this year’s meetings in the configured compliance table', async () => {
    const res = await get(secretaryA, `/api/admin/party/meetings/compliance?orgId=${branchA.id}`);
    expect(res.status).toBe(200);
    const rows = res.body.data as MeetingComplianceRowVO[];
    // The month (Beijing time) the meetings were scheduled in, not the month of this assertion: near
    // midnight on the 1st the two differ, and the meetings count where they happened.
    const today = new Date(Date.parse(meeting.startsAt) + 8 * 3600_000).toISOString().slice(0, 7);
    // Meetings scheduled ten minutes ago count in their month (the 'later' lecture may fall tomorrow).
    expect(rows.find((r) => r.type === 'committee' && r.period === today)).toMatchObject({ held: 1, status: 'held' });
    expect(rows.find((r) => r.type === 'group' && r.period === today)).toMatchObject({ held: 1, status: 'held' });
    const earlier = rows.filter((r) => r.type === 'committee' && r.period < today);
    expect(earlier.every((r) => r.status === 'missing')).toBe(true);
    expect(earlier).toHaveLength(Number(today.slice(5, 7)) - 1);
    expect([...new Set(rows.map((r) => r.type))]).toEqual(['committee', 'group', 'appraisal']);
    expect(rows.find((r) => r.type === 'appraisal')).toMatchObject({ period: today.slice(0, 4), status: 'held' });
  });

  it('counts a branch founded this year only from its founding', async () => {
    const todayBeijing = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const parent = (await get(admin, `/api/admin/party/orgs/${branchA.id}`)).body.data as { parentId: string };
    const created = await post(admin, '/api/admin/party/orgs', {
      parentId: parent.parentId,
      type: 'branch',
      name: '新建村党支部',
      foundedOn: todayBeijing,
    });
    expect(created.status).toBe(201);
    const res = await get(admin, `/api/admin/party/meetings/compliance?orgId=${created.body.data.id}`);
    const rows = res.body.data as MeetingComplianceRowVO[];
    expect(rows.filter((r) => r.type === 'committee')).toEqual([
      { type: 'committee', period: todayBeijing.slice(0, 7), required: 1, held: 0, status: 'due' },
    ]);
    expect(rows.some((r) => r.status === 'missing')).toBe(false);
  });
});
