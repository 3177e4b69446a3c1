import type { DataSource } from 'typeorm';
import type { PartyOrgDetailVO, PartyOrgVO } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, dataSourceOf, staffWithToken } from './support/staff-fixtures';
import { day, monthsFrom, partyStaff, registryPerson, townPartyAdmin } from './support/party-fixtures';
import type { Region } from '../src/modules/region';
import { AuditLog } from '../src/core/audit';

const backend = currentBackend();
type Who = { id: string; auth: string };

/**
 * The organisation tree through the API: creation rules, 换届 and "due for 换届", 撤销 refused while
 * members remain, merge moving members with their history, and the party scope of a branch secretary.
 */
describe(`party organisations on ${backend.name}`, () => {
  let t: TestApp;
  let ds: DataSource;
  let town: Region;
  let villageA: Region;
  let villageB: Region;
  let admin: Who;
  let secretaryA: Who;
  let committee: PartyOrgDetailVO;
  let branchA: PartyOrgDetailVO;
  let branchB: PartyOrgDetailVO;

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    ds = await dataSourceOf(t);
    town = await createRegion(t, '青山镇', 'town');
    villageA = await createRegion(t, '幸福村', 'village', town);
    villageB = await createRegion(t, '和谐村', 'village', town);
    admin = await townPartyAdmin(t, 'party.town', town);
    secretaryA = await partyStaff(t, 'party.sec.a', villageA);
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (who: Who, path: string) => t.http().get(path).set('Authorization', who.auth);
  const post = (who: Who, path: string, body: object) => t.http().post(path).set('Authorization', who.auth).send(body);
  const create = (who: Who, body: object) => post(who, '/api/admin/party/orgs', body);
  const detail = async (id: string): Promise<PartyOrgDetailVO> =>
    (await get(admin, `/api/admin/party/orgs/${id}`)).body.data;
  const newMember = async (org: { id: string }, name: string, region: Region) => {
    const person = await registryPerson(t, name, region);
    const res = await post(admin, '/api/admin/party/members', {
      personId: person.id,
      orgId: org.id,
      category: 'full',
      joinedOn: '2010-07-01',
      convertedOn: '2011-07-01',
    });
    expect(res.status).toBe(201);
    return res.body.data as { id: string; name: string };
  };

  it('builds the tree 镇党委 → 党支部 → 党小组 and refuses what does not fit it', async () => {
    // The committee's term started 61 months ago: five years have passed, it is overdue.
    let res = await create(admin, {
      parentId: null,
      type: 'committee',
      name: '青山镇党委',
      foundedOn: monthsFrom(day(), -61),
      regionId: town.id,
    });
    expect(res.status).toBe(201);
    committee = res.body.data;
    expect(committee).toMatchObject({ type: 'committee', status: 'active', regionName: '青山镇', termDue: 'overdue' });
    expect(committee.events).toMatchObject([{ kind: 'create', on: committee.foundedOn }]);

    // 3 years for a branch; begun 34 months ago it ends in about two months: due (90 days ahead).
    res = await create(admin, {
      parentId: committee.id,
      type: 'branch',
      name: '幸福村党支部',
      foundedOn: monthsFrom(day(), -34),
      regionId: villageA.id,
      sortOrder: 1,
    });
    expect(res.status).toBe(201);
    branchA = res.body.data;
    expect(branchA).toMatchObject({ termDue: 'due', termEndsOn: monthsFrom(monthsFrom(day(), -34), 36) });
    res = await create(admin, {
      parentId: committee.id,
      type: 'branch',
      name: '和谐村党支部',
      foundedOn: monthsFrom(day(), -12),
      regionId: villageB.id,
      sortOrder: 2,
    });
    branchB = res.body.data;
    expect(branchB.termDue).toBe('ok');

    res = await create(admin, { parentId: branchA.id, type: 'group', name: '第一党小组', foundedOn: day(-30) });
    expect(res.status).toBe(201);
    expect(res.body.data.termDue).toBe('none');

    res = await create(admin, { parentId: committee.id, type: 'group', name: '错位小组', foundedOn: day(-1) });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ field: 'type', message: '党委之下不能设立党小组' }]);
    res = await create(admin, { parentId: null, type: 'committee', name: '第二个党委', foundedOn: day(-1) });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('已有镇党委：一个镇只设一个党委');
    res = await create(admin, { parentId: branchA.id, type: 'group', name: '未来小组', foundedOn: day(1) });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ field: 'foundedOn', message: '日期不能晚于今天' }]);

    const tree = (await get(admin, '/api/admin/party/orgs')).body.data as PartyOrgVO[];
    expect(tree.map((o) => o.name)).toEqual(['青山镇党委', '幸福村党支部', '第一党小组', '和谐村党支部']);
  });

  it('scopes a branch secretary to the subtree they are assigned to: others are 404', async () => {
    expect((await get(secretaryA, '/api/admin/party/orgs')).body.data).toEqual([]);
    const assign = await post(admin, `/api/admin/party/orgs/${branchA.id}/staff`, { staffUserId: secretaryA.id });
    expect(assign.status).toBe(200);
    expect(assign.body.data.staff).toMatchObject([{ id: secretaryA.id, username: 'party.sec.a' }]);

    const tree = (await get(secretaryA, '/api/admin/party/orgs')).body.data as PartyOrgVO[];
    expect(tree.map((o) => o.name)).toEqual(['幸福村党支部', '第一党小组']);
    expect((await get(secretaryA, `/api/admin/party/orgs/${branchB.id}`)).status).toBe(404);
    expect((await get(secretaryA, `/api/admin/party/orgs/${committee.id}`)).status).toBe(404);
    // Their own branch: 换届 yes, merging or dissolving it is for the committee above.
    const own = (await get(secretaryA, `/api/admin/party/orgs/${branchA.id}`)).body.data as PartyOrgDetailVO;
    expect(own.availableActs).toEqual(['update', 'term', 'create_child', 'assign_staff']);
    const dissolve = await post(secretaryA, `/api/admin/party/orgs/${branchA.id}/dissolve`, {
      on: day(),
      reason: '试图撤销本支部',
    });
    expect(dissolve.status).toBe(403);
    expect(dissolve.body.error.message).toBe('合并或撤销须由上级党组织办理');
    const root = await create(secretaryA, { parentId: null, type: 'committee', name: '越权党委', foundedOn: day() });
    expect(root.status).toBe(403);

    // Somebody without any party permission cannot be given party work.
    const clerk = await staffWithToken(t, { username: 'plain.clerk', roles: ['grid_worker'], region: villageA });
    const refused = await post(admin, `/api/admin/party/orgs/${branchA.id}/staff`, { staffUserId: clerk.id });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].field).toBe('staffUserId');
  });

  it('records 换届 with the new committee; the term starts again and is no longer due', async () => {
    const wang = await newMember(branchA, '王书记', villageA);
    const li = await newMember(branchA, '李委员', villageA);
    const bad = await post(secretaryA, `/api/admin/party/orgs/${branchA.id}/terms`, {
      on: day(),
      committee: [
        { role: 'secretary', memberId: wang.id },
        { role: 'secretary', memberId: li.id },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ field: 'committee', message: '「书记」只能有一人' }]);

    const res = await post(secretaryA, `/api/admin/party/orgs/${branchA.id}/terms`, {
      on: day(-1),
      committee: [
        { role: 'secretary', memberId: wang.id },
        { role: 'organization', memberId: li.id },
      ],
      note: '第三届支部委员会',
    });
    expect(res.status).toBe(201);
    const after = res.body.data as PartyOrgDetailVO;
    expect(after).toMatchObject({
      termStartedOn: day(-1),
      termEndsOn: monthsFrom(day(-1), 36),
      termDue: 'ok',
      secretaryName: '王书记',
      committee: [
        { role: 'secretary', name: '王书记', memberId: wang.id },
        { role: 'organization', name: '李委员', memberId: li.id },
      ],
    });
    expect(after.terms).toHaveLength(1);
    expect(after.events.map((e) => e.kind)).toEqual(['term', 'create']);
    expect(after.events[0]).toMatchObject({ on: day(-1), note: '第三届支部委员会', actorName: 'party.sec.a' });
  });

  it('refuses 撤销 while members remain, with the reason in Chinese, and keeps the dissolved organisation', async () => {
    await newMember(branchB, '赵和谐', villageB);
    const res = await post(admin, `/api/admin/party/orgs/${branchB.id}/dissolve`, { on: day(), reason: '村庄撤并' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: 'PARTY_ORG_NOT_EMPTY',
      message: '该党组织还有 1 名党员，不能撤销：请先办理组织关系转接或合并组织',
    });
    const withChild = await post(admin, `/api/admin/party/orgs/${branchA.id}/dissolve`, { on: day(), reason: 'x' });
    expect(withChild.status).toBe(409);
    expect(withChild.body.error.message).toContain('1 个下级组织');

    const group = (await get(admin, '/api/admin/party/orgs')).body.data.find((o: PartyOrgVO) => o.type === 'group');
    const done = await post(admin, `/api/admin/party/orgs/${group.id}/dissolve`, { on: day(), reason: '小组合并调整' });
    expect(done.status).toBe(200);
    expect(done.body.data).toMatchObject({ status: 'dissolved', closedOn: day(), availableActs: [], termDue: 'none' });
    expect(done.body.data.events[0]).toMatchObject({ kind: 'dissolve', note: '小组合并调整' });
    const open = (await get(admin, '/api/admin/party/orgs')).body.data as PartyOrgVO[];
    expect(open.map((o) => o.name)).not.toContain('第一党小组');
    const all = (await get(admin, '/api/admin/party/orgs?includeClosed=true')).body.data as PartyOrgVO[];
    expect(all.find((o) => o.id === group.id)).toMatchObject({ status: 'dissolved' });
    expect((await post(admin, `/api/admin/party/orgs/${group.id}/terms`, { on: day(), committee: [] })).status).toBe(
      400,
    );
  });

  it('merges a branch: its members move to the target and both keep the history', async () => {
    const before = await detail(branchA.id);
    const res = await post(admin, `/api/admin/party/orgs/${branchB.id}/merge`, {
      targetId: branchA.id,
      on: day(),
      note: '和谐村并入幸福村',
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      status: 'merged',
      closedOn: day(),
      mergedInto: { id: branchA.id, name: '幸福村党支部' },
      memberCount: 0,
    });
    expect(res.body.data.events[0]).toMatchObject({
      kind: 'merge_out',
      relatedOrg: { id: branchA.id, name: '幸福村党支部' },
      detail: { members: 1, admissions: 0 },
    });
    const target = await detail(branchA.id);
    expect(target.memberCount).toBe(before.memberCount + 1);
    expect(target.events[0]).toMatchObject({ kind: 'merge_in', relatedOrg: { id: branchB.id, name: '和谐村党支部' } });

    const moved = (await get(admin, `/api/admin/party/members?q=${encodeURIComponent('赵和谐')}`)).body.data[0];
    expect(moved.orgName).toBe('幸福村党支部');
    const history = (await get(admin, `/api/admin/party/members/${moved.id}`)).body.data.events;
    expect(
      history.map((e: { kind: string; orgName: string; toOrgName: string | null }) => [e.kind, e.orgName, e.toOrgName]),
    ).toEqual([
      ['create', '和谐村党支部', null],
      ['org_merged', '和谐村党支部', '幸福村党支部'],
    ]);

    const again = await post(admin, `/api/admin/party/orgs/${branchB.id}/merge`, { targetId: branchA.id, on: day() });
    expect(again.status).toBe(409);
    const audits = await ds.getRepository(AuditLog).findBy({ action: 'party.org.merge', resourceId: branchB.id });
    expect(audits).toHaveLength(1);
    expect(JSON.parse(String(audits[0].detail))).toMatchObject({ targetId: branchA.id, members: 1 });
  });

  it('keeps a region that a party organisation serves from being deleted', async () => {
    const empty = await createRegion(t, '新建社区', 'community', town);
    await create(admin, {
      parentId: committee.id,
      type: 'branch',
      name: '新建社区党支部',
      foundedOn: day(),
      regionId: empty.id,
    });
    const regionAdmin = await staffWithToken(t, { username: 'region.admin', roles: ['village_admin'], region: town });
    const res = await t.http().delete(`/api/admin/regions/${empty.id}`).set('Authorization', regionAdmin.auth);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('该区域下还有党组织，不能删除');
  });
});
