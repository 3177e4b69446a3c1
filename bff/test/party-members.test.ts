import type { DataSource } from 'typeorm';
import type { PartyMemberDetailVO, PartyMemberVO, PartyOrgDetailVO } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { createPartyOrg, day, partyStaff, registryPerson, townPartyAdmin } from './support/party-fixtures';
import type { Region } from '../src/modules/region';
import { AuditLog } from '../src/core/audit';

const backend = currentBackend();
type Who = { id: string; auth: string };

/**
 * Member files through the API: a town resident linked to the registry (masked as the registry
 * masks), a member living elsewhere (name and phone encrypted at rest), status changes as dated
 * events that keep the whole history, and the branch scope (another branch's member is 404).
 */
describe(`party member files on ${backend.name}`, () => {
  let t: TestApp;
  let ds: DataSource;
  let villageA: Region;
  let admin: Who;
  let secretaryA: Who;
  let general: PartyOrgDetailVO;
  let branchA: PartyOrgDetailVO;
  let branchA2: PartyOrgDetailVO;
  let branchB: PartyOrgDetailVO;
  let resident: PartyMemberDetailVO;
  let away: PartyMemberDetailVO;
  let memberB: PartyMemberDetailVO;

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    ds = await dataSourceOf(t);
    const town = await createRegion(t, '青山镇', 'town');
    villageA = await createRegion(t, '幸福村', 'village', town);
    const villageB = await createRegion(t, '和谐村', 'village', town);
    admin = await townPartyAdmin(t, 'party.town', town);
    secretaryA = await partyStaff(t, 'party.sec.a', villageA);
    const post = (path: string, body: object) => t.http().post(path).set('Authorization', admin.auth).send(body);
    const committee = await createPartyOrg(t, admin, { parentId: null, type: 'committee', name: '青山镇党委' });
    general = await createPartyOrg(t, admin, { parentId: committee.id, type: 'general_branch', name: '幸福村党总支' });
    branchA = await createPartyOrg(t, admin, { parentId: general.id, type: 'branch', name: '幸福村第一党支部' });
    branchA2 = await createPartyOrg(t, admin, { parentId: general.id, type: 'branch', name: '幸福村第二党支部' });
    branchB = await createPartyOrg(t, admin, { parentId: committee.id, type: 'branch', name: '和谐村党支部' });
    await post(`/api/admin/party/orgs/${general.id}/staff`, { staffUserId: secretaryA.id });
    const personB = await registryPerson(t, '孙和谐', villageB);
    memberB = (
      await post('/api/admin/party/members', {
        personId: personB.id,
        orgId: branchB.id,
        category: 'full',
        joinedOn: '2001-07-01',
      })
    ).body.data;
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (who: Who, path: string) => t.http().get(path).set('Authorization', who.auth);
  const post = (who: Who, path: string, body: object) => t.http().post(path).set('Authorization', who.auth).send(body);
  const act = (who: Who, id: string, body: object) => post(who, `/api/admin/party/members/${id}/events`, body);

  it("files a town resident through the registry: name from the registry, ID and phone masked like the registry's", async () => {
    const person = await registryPerson(t, '李四', villageA, {
      phone: '13812345678',
      idNumber: '110101199003071234',
      birthDate: '1990-03-07',
      gender: 'male',
    });
    const found = await get(secretaryA, `/api/admin/party/persons?q=${encodeURIComponent('李')}`);
    expect(found.status).toBe(200);
    expect(found.body.data).toEqual([
      expect.objectContaining({ id: person.id, name: '李四', idNumber: '110***********1234', memberId: null }),
    ]);

    const res = await post(secretaryA, '/api/admin/party/members', {
      personId: person.id,
      orgId: branchA.id,
      category: 'full',
      joinedOn: '2012-06-20',
      convertedOn: '2013-06-20',
      position: '村会计',
      education: 'college',
      workUnit: '幸福村村委会',
    });
    expect(res.status).toBe(201);
    resident = res.body.data;
    expect(resident).toMatchObject({
      personId: person.id,
      name: '李四',
      gender: 'male',
      phone: '138****5678',
      idNumber: '110***********1234',
      regionName: '幸福村',
      orgName: '幸福村第一党支部',
      category: 'full',
      status: 'active',
      events: [{ kind: 'create', on: day(), orgName: '幸福村第一党支部', actorName: 'party.sec.a' }],
      availableActs: ['transfer_within', 'transfer_out', 'flow_out', 'expel', 'stop', 'death'],
    });
    const twice = await post(secretaryA, '/api/admin/party/members', {
      personId: person.id,
      orgId: branchA2.id,
      category: 'full',
      joinedOn: '2012-06-20',
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ code: 'PARTY_MEMBER_DUPLICATE', message: '该居民已有在册的党员档案' });
    // Nothing of the registry is copied into the member file.
    const [row] = await ds.query('SELECT * FROM party_member WHERE id = ?', [resident.id]);
    expect(row.name_cipher).toBeNull();
    expect(row.phone_cipher).toBeNull();
  });

  it('files a member living elsewhere with name and phone encrypted at rest, found by full name', async () => {
    const res = await post(secretaryA, '/api/admin/party/members', {
      standalone: { name: '周外出', gender: 'female', birthDate: '1985-02-01', phone: '139 0000 1111' },
      orgId: branchA.id,
      category: 'probationary',
      joinedOn: day(-100),
      transferIn: { on: day(-30), letterNo: '东组转〔2026〕12号', from: '东城区某街道党工委' },
    });
    expect(res.status).toBe(201);
    away = res.body.data;
    expect(away).toMatchObject({
      personId: null,
      name: '周外出',
      gender: 'female',
      phone: '139****1111',
      idNumber: null,
      category: 'probationary',
      events: [
        { kind: 'transfer_in', on: day(-30), detail: { letterNo: '东组转〔2026〕12号', from: '东城区某街道党工委' } },
      ],
    });
    const [row] = await ds.query('SELECT * FROM party_member WHERE id = ?', [away.id]);
    expect(JSON.stringify(row)).not.toContain('周外出');
    expect(JSON.stringify(row)).not.toContain('13900001111');
    expect(row.name_hash).toMatch(/^[0-9a-f]{64}$/);

    const byName = await get(admin, `/api/admin/party/members?q=${encodeURIComponent('周外出')}`);
    expect((byName.body.data as PartyMemberVO[]).map((m) => m.id)).toEqual([away.id]);
    const partial = await get(admin, `/api/admin/party/members?q=${encodeURIComponent('周外')}`);
    expect(partial.body.data).toEqual([]);

    const bad = await post(secretaryA, '/api/admin/party/members', {
      standalone: { name: '错误', gender: 'male' },
      orgId: branchA.id,
      category: 'probationary',
      joinedOn: day(-10),
      convertedOn: day(-1),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ field: 'convertedOn', message: '预备党员没有转正日期' }]);
    const notBranch = await post(secretaryA, '/api/admin/party/members', {
      standalone: { name: '错误', gender: 'male' },
      orgId: general.id,
      category: 'full',
      joinedOn: day(-10),
    });
    expect(notBranch.status).toBe(400);
    expect(notBranch.body.error.details).toEqual([{ field: 'orgId', message: '党员须编入党支部或党小组' }]);
  });

  it('keeps the whole history through a transfer within the town, away from home and back', async () => {
    let res = await act(secretaryA, resident.id, {
      kind: 'transfer_within',
      on: day(-20),
      toOrgId: branchA2.id,
      note: '工作调动',
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ orgId: branchA2.id, orgName: '幸福村第二党支部', status: 'active' });

    res = await act(secretaryA, resident.id, {
      kind: 'flow_out',
      on: day(-10),
      place: '深圳市南山区',
      contactOrg: '南山区流动党员党支部',
    });
    expect(res.body.data.flow).toEqual({ place: '深圳市南山区', since: day(-10), contactOrg: '南山区流动党员党支部' });
    expect(res.body.data.availableActs).toContain('flow_back');
    const flowing = await get(secretaryA, '/api/admin/party/members?flowing=true');
    expect((flowing.body.data as PartyMemberVO[]).map((m) => m.id)).toEqual([resident.id]);

    const early = await act(secretaryA, resident.id, { kind: 'flow_back', on: day(-11) });
    expect(early.status).toBe(400);
    expect(early.body.error.details).toEqual([{ field: 'on', message: `日期不能早于上一条记录的日期（${day(-10)}）` }]);
    const twice = await act(secretaryA, resident.id, { kind: 'flow_out', on: day(), place: 'x', contactOrg: 'y' });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ code: 'PARTY_RULE_REFUSED', message: '该党员档案不能进行「外出流动」' });

    res = await act(secretaryA, resident.id, { kind: 'flow_back', on: day(-2) });
    expect(res.body.data.flow).toBeNull();
    expect((res.body.data as PartyMemberDetailVO).events.map((e) => [e.kind, e.on, e.orgName, e.toOrgName])).toEqual([
      ['transfer_within', day(-20), '幸福村第一党支部', '幸福村第二党支部'],
      ['flow_out', day(-10), '幸福村第二党支部', null],
      ['flow_back', day(-2), '幸福村第二党支部', null],
      ['create', day(), '幸福村第一党支部', null],
    ]);
    expect(res.body.data.events[0].detail).toEqual({ note: '工作调动' });
    const audits = await ds.getRepository(AuditLog).findBy({ action: 'party.member.status', resourceId: resident.id });
    expect(audits).toHaveLength(3);
  });

  it('closes a file on a transfer out of town and refuses further changes; the history stays readable', async () => {
    const res = await act(secretaryA, away.id, {
      kind: 'transfer_out',
      on: day(),
      letterNo: '青组转〔2026〕7号',
      destination: '某县委组织部',
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ status: 'transferred_out', availableActs: [] });
    expect((await act(secretaryA, away.id, { kind: 'death', on: day() })).status).toBe(409);
    const patch = await t
      .http()
      .patch(`/api/admin/party/members/${away.id}`)
      .set('Authorization', secretaryA.auth)
      .send({ position: '支部委员' });
    expect(patch.status).toBe(409);
    const active = (await get(secretaryA, '/api/admin/party/members')).body.data as PartyMemberVO[];
    expect(active.map((m) => m.id)).not.toContain(away.id);
    const closed = (await get(secretaryA, '/api/admin/party/members?state=closed')).body.data as PartyMemberVO[];
    expect(closed.map((m) => m.id)).toEqual([away.id]);
    expect(
      (await get(secretaryA, `/api/admin/party/members/${away.id}`)).body.data.events.map(
        (e: { kind: string }) => e.kind,
      ),
    ).toEqual(['transfer_in', 'transfer_out']);
  });

  it("answers 404 for another branch's member, on reads and on every write", async () => {
    const list = (await get(secretaryA, '/api/admin/party/members?state=all')).body.data as PartyMemberVO[];
    expect(list.map((m) => m.id)).not.toContain(memberB.id);
    expect((await get(secretaryA, `/api/admin/party/members/${memberB.id}`)).status).toBe(404);
    expect((await act(secretaryA, memberB.id, { kind: 'death', on: day() })).status).toBe(404);
    const patch = await t
      .http()
      .patch(`/api/admin/party/members/${memberB.id}`)
      .set('Authorization', secretaryA.auth)
      .send({ position: 'x' });
    expect(patch.status).toBe(404);
    // Filtering by the other branch is as unknown as its members.
    expect((await get(secretaryA, `/api/admin/party/members?orgId=${branchB.id}`)).status).toBe(404);
    // Nor can a member be moved into a branch outside the scope.
    const move = await act(secretaryA, resident.id, { kind: 'transfer_within', on: day(), toOrgId: branchB.id });
    expect(move.status).toBe(400);
    expect(move.body.error.details[0].field).toBe('toOrgId');
    // The town committee sees every branch.
    expect((await get(admin, `/api/admin/party/members/${memberB.id}`)).status).toBe(200);
  });

  it('shows unmasked numbers only with person:pii:read, and audits every read', async () => {
    expect((await get(secretaryA, `/api/admin/party/members/${resident.id}/pii`)).status).toBe(403);
    const res = await get(admin, `/api/admin/party/members/${resident.id}/pii`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ phone: '13812345678', idNumber: '110101199003071234' });
    const standalone = await get(admin, `/api/admin/party/members/${away.id}/pii`);
    expect(standalone.body.data).toEqual({ phone: '13900001111', idNumber: null });
    const audits = await ds.getRepository(AuditLog).findBy({ action: 'party.member.pii.read' });
    expect(audits.map((a) => a.resourceId).sort()).toEqual([resident.id, away.id].sort());
  });
});
