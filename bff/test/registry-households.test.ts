import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { staffAs, StaffWithAuth } from './support/staff-session';
import type { Region } from '../src/modules/region';
import { AuditLog } from '../src/core/audit';
import { Person } from '../src/modules/registry';

const backend = currentBackend();

describe(`households API on ${backend.name}`, () => {
  let t: TestApp;
  let east: Region;
  let g1: Region;
  let g2: Region;
  let w1: Region;
  let admin: StaffWithAuth;
  let worker: StaffWithAuth;
  const p: Record<string, string> = {};

  const api = (who: { auth: string }) => ({
    get: (path: string) =>
      t
        .http()
        .get(encodeURI(`/api/admin${path}`))
        .set('Authorization', who.auth),
    post: (path: string, body: object) => t.http().post(`/api/admin${path}`).set('Authorization', who.auth).send(body),
    patch: (path: string, body: object) =>
      t.http().patch(`/api/admin${path}`).set('Authorization', who.auth).send(body),
    del: (path: string) => t.http().delete(`/api/admin${path}`).set('Authorization', who.auth),
  });

  async function person(name: string, region: Region, who = admin): Promise<string> {
    const res = await api(who).post('/persons', { name, gender: 'male', hukouType: 'local', regionId: region.id });
    if (res.status !== 201) throw new Error(`person ${name}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data.id as string;
  }

  async function household(body: object): Promise<{
    id: string;
    status: number;
    body: { data: Record<string, unknown>; error?: { code: string; message: string } };
  }> {
    const res = await api(admin).post('/households', body);
    return { id: res.body.data?.id as string, status: res.status, body: res.body };
  }

  beforeAll(async () => {
    t = await startTestApp(backend);
    const town = await createRegion(t, '青山镇', 'town');
    east = await createRegion(t, '东村', 'village', town);
    g1 = await createRegion(t, '东村一网格', 'grid', east);
    g2 = await createRegion(t, '东村二网格', 'grid', east);
    const west = await createRegion(t, '西村', 'village', town);
    w1 = await createRegion(t, '西村一网格', 'grid', west);
    admin = await staffAs(t, { username: 'town.registrar', roles: ['village_admin'], region: town });
    worker = await staffAs(t, { username: 'g1.worker', roles: ['grid_worker'], region: g1 });
    for (const [key, name, region] of [
      ['wang', '王建国', g1],
      ['wangWife', '李桂英', g1],
      ['wangSon', '王小明', g1],
      ['zhao', '赵大山', g2],
      ['west', '孙西', w1],
    ] as const) {
      p[key] = await person(name, region);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates a household with its head as member "self", and lists it with head name and member count', async () => {
    const created = await household({
      type: 'resident',
      regionId: g1.id,
      code: 'DC-001',
      address: '东村 12 号',
      landNote: '承包地 5 亩',
      headPersonId: p.wang,
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      code: 'DC-001',
      type: 'resident',
      headPersonId: p.wang,
      headName: '王建国',
      memberCount: 1,
      regionName: '东村一网格',
      landNote: '承包地 5 亩',
    });
    p.hh1 = created.id;
    expect(
      (await api(admin).post(`/households/${p.hh1}/members`, { personId: p.wangWife, relationToHead: 'spouse' }))
        .status,
    ).toBe(201);
    const detail = await api(admin).post(`/households/${p.hh1}/members`, {
      personId: p.wangSon,
      relationToHead: 'child',
    });
    expect(
      detail.body.data.members.map((m: { name: string; relationToHead: string }) => [m.name, m.relationToHead]),
    ).toEqual([
      ['王建国', 'self'],
      ['李桂英', 'spouse'],
      ['王小明', 'child'],
    ]);
    const empty = await household({ type: 'empty', regionId: g2.id, code: 'DC-002', address: '东村 30 号' });
    p.hh2 = empty.id;
    const list = await api(admin).get('/households');
    expect(list.body.page.total).toBe(2);
    expect(
      list.body.data.map((h: { code: string; memberCount: number; headName: string | null }) => [
        h.code,
        h.memberCount,
        h.headName,
      ]),
    ).toEqual([
      ['DC-001', 3, '王建国'],
      ['DC-002', 0, null],
    ]);
  });

  it('filters by region subtree, type and q (head name prefix, address, code), in scope only', async () => {
    const codes = async (query: string, who = admin) =>
      (await api(who).get(`/households${query}`)).body.data.map((h: { code: string }) => h.code);
    expect(await codes(`?regionId=${g2.id}`)).toEqual(['DC-002']);
    expect(await codes('?type=resident')).toEqual(['DC-001']);
    expect(await codes('?q=王')).toEqual(['DC-001']);
    expect(await codes('?q=30 号')).toEqual(['DC-002']);
    expect(await codes('?q=DC-002')).toEqual(['DC-002']);
    expect(await codes('')).toHaveLength(2);
    expect(await codes('', worker)).toEqual(['DC-001']);
    expect((await api(worker).get(`/households/${p.hh2}`)).status).toBe(404);
  });

  it('keeps a person in one household: joining another needs removing first (409)', async () => {
    const conflict = await api(admin).post(`/households/${p.hh2}/members`, {
      personId: p.wangSon,
      relationToHead: 'self',
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toMatchObject({
      code: 'CONFLICT',
      message: '该人员已属于其他户，请先从原户移出后再加入',
    });
    expect(
      (await api(admin).patch(`/persons/${p.wangSon}`, { householdId: p.hh2, relationToHead: 'self' })).status,
    ).toBe(409);
    expect((await api(admin).del(`/households/${p.hh1}/members/${p.wangSon}`)).status).toBe(204);
    const moved = await api(admin).post(`/households/${p.hh2}/members`, {
      personId: p.wangSon,
      relationToHead: 'self',
    });
    expect(moved.status).toBe(201);
    expect(moved.body.data).toMatchObject({ headPersonId: p.wangSon, headName: '王小明', memberCount: 1 });
    // A second head is refused.
    const secondHead = await api(admin).post(`/households/${p.hh2}/members`, {
      personId: p.zhao,
      relationToHead: 'self',
    });
    expect(secondHead.status).toBe(400);
    expect(secondHead.body.error.details[0].field).toBe('relationToHead');
    // Out-of-scope persons and duplicate codes.
    const westAdmin = await staffAs(t, { username: 'east.only', roles: ['village_admin'], region: east });
    expect(
      (await api(westAdmin).post(`/households/${p.hh1}/members`, { personId: p.west, relationToHead: 'other' })).status,
    ).toBe(404);
    const dup = await household({ type: 'resident', regionId: g1.id, code: 'DC-001' });
    expect(dup.status).toBe(409);
    expect(dup.body.error?.message).toBe('户编号已存在');
  });

  it('changes the head: the former head stays a member as "other"', async () => {
    const res = await api(admin).patch(`/households/${p.hh1}`, { headPersonId: p.wangWife, type: 'floating' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ headPersonId: p.wangWife, headName: '李桂英', type: 'floating' });
    const relations = Object.fromEntries(
      res.body.data.members.map((m: { id: string; relationToHead: string }) => [m.id, m.relationToHead]),
    );
    expect(relations).toEqual({ [p.wangWife]: 'self', [p.wang]: 'other' });
  });

  it('refuses to delete a person who heads a household, then deletes the household keeping its members', async () => {
    const refused = await api(admin).del(`/persons/${p.wangWife}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('RECORD_IN_USE');
    expect((await api(worker).del(`/households/${p.hh1}`)).status).toBe(403);
    expect((await api(admin).del(`/households/${p.hh1}`)).status).toBe(204);
    expect((await api(admin).get(`/households/${p.hh1}`)).status).toBe(404);
    const members = await (await dataSourceOf(t)).getRepository(Person).findBy({ id: p.wangWife });
    expect(members[0]).toMatchObject({ householdId: null, relationToHead: null });
    expect((await api(admin).get(`/persons/${p.wang}`)).body.data.household).toBeNull();
    const audit = await (
      await dataSourceOf(t)
    )
      .getRepository(AuditLog)
      .countBy({ action: 'household.delete', resourceId: p.hh1 });
    expect(audit).toBe(1);
  });

  it('shows the household on the person detail and masks members', async () => {
    const detail = await api(admin).get(`/persons/${p.wangSon}`);
    expect(detail.body.data.household).toEqual({ id: p.hh2, type: 'empty', headName: '王小明', address: '东村 30 号' });
    expect(detail.body.data.relationToHead).toBe('self');
    expect((await api(admin).patch(`/persons/${p.wangSon}`, { phone: '13900001234' })).status).toBe(200);
    const household = await api(worker).get(`/households/${p.hh2}`);
    expect(household.status).toBe(404);
    const members = (await api(admin).get(`/households/${p.hh2}`)).body.data.members;
    expect(members).toEqual([expect.objectContaining({ id: p.wangSon, phone: '139****1234', relationToHead: 'self' })]);
    expect(JSON.stringify(members)).not.toContain('13900001234');
  });
});
