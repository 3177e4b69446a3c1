import { randomUUID } from 'crypto';
import type { DataSource } from 'typeorm';
import type { HouseholdType, LngLat, PersonStatus, RegionOverviewVO } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { staffAs, StaffWithAuth } from './support/staff-session';
import type { Region } from '../src/modules/region';
import { Business, House, Household, Person, PersonTag } from '../src/modules/registry';
import { MpUser } from '../src/modules/mp-user';
import { StaffContactService } from '../src/modules/staff-admin';
import { PiiCipher } from '../src/core/crypto/pii-cipher';
import { AuditLog } from '../src/core/audit';

/**
 * Village overview counts (rows inserted straight into the registry tables), the workers of a
 * region with masked phones, and deletion refused while anything hangs on a region.
 */

const backend = currentBackend();
const NO_PII = { cipher: null, keyId: null, hash: null };

const square = (x0: number, y0: number, size: number): { type: 'Polygon'; coordinates: LngLat[][] } => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x0 + size, y0],
      [x0 + size, y0 + size],
      [x0, y0 + size],
      [x0, y0],
    ],
  ],
});

describe(`region overview, workers and deletion on ${backend.name}`, () => {
  let t: TestApp;
  let ds: DataSource;
  let town: Region;
  let village: Region;
  let grid1: Region;
  let grid2: Region;
  let other: Region;
  let otherGrid: Region;
  let admin: StaffWithAuth;
  let leader: StaffWithAuth;

  const get = (url: string, who: { auth: string } = admin) => t.http().get(url).set('Authorization', who.auth);
  const del = (url: string, who: { auth: string } = admin) => t.http().delete(url).set('Authorization', who.auth);

  let seq = 0;
  const person = async (
    region: Region,
    hukouType: 'local' | 'floating',
    status: PersonStatus = 'active',
    tags: string[] = [],
  ) => {
    const id = randomUUID();
    seq += 1;
    await ds.getRepository(Person).insert({
      id,
      regionId: region.id,
      scopePath: region.path,
      name: `居民${seq}`,
      gender: 'male',
      birthDate: '1950-01-01',
      idNumber: NO_PII,
      phone: NO_PII,
      hukouType,
      hukouAddress: null,
      address: null,
      origin: null,
      arrivalDate: null,
      permitStatus: null,
      permitExpiry: null,
      householdId: null,
      relationToHead: null,
      status,
      note: null,
      lastVisitedAt: null,
    });
    for (const tagCode of tags)
      await ds.getRepository(PersonTag).insert({ personId: id, tagCode, scopePath: region.path, taggedAt: new Date() });
  };
  const household = (region: Region, type: HouseholdType) =>
    ds.getRepository(Household).insert({
      id: randomUUID(),
      regionId: region.id,
      scopePath: region.path,
      code: null,
      type,
      headPersonId: null,
      houseId: null,
      address: null,
      landNote: null,
    });
  const house = (region: Region) =>
    ds.getRepository(House).insert({
      id: randomUUID(),
      regionId: region.id,
      scopePath: region.path,
      estateId: null,
      buildingId: null,
      unitId: null,
      address: '幸福村1号',
      roomNo: null,
      use: 'self_occupied',
      areaM2: null,
      lng: null,
      lat: null,
    });
  const business = (region: Region, creditCode: string) =>
    ds.getRepository(Business).insert({
      id: randomUUID(),
      regionId: region.id,
      scopePath: region.path,
      name: '小卖部',
      creditCode,
      legalRepresentative: null,
      contactPhone: NO_PII,
      address: null,
      type: 'retail',
      status: 'open',
      lng: null,
      lat: null,
    });

  beforeAll(async () => {
    t = await startTestApp(backend);
    ds = await dataSourceOf(t);
    town = await createRegion(t, '青山镇', 'town');
    village = await createRegion(t, '幸福村', 'village', town);
    grid1 = await createRegion(t, '幸福村一网格', 'grid', village);
    grid2 = await createRegion(t, '幸福村二网格', 'grid', village);
    other = await createRegion(t, '平安村', 'village', town);
    otherGrid = await createRegion(t, '平安村一网格', 'grid', other);
    admin = await staffAs(t, { username: 'ov.admin', roles: ['village_admin'], region: village });
    leader = await staffAs(t, { username: 'ov.leader', roles: ['grid_leader'], region: grid1 });

    // 一网格: 3 local + 1 floating active, 1 moved out (not counted); 2 elderly-alone tags on active persons, 1 on the moved-out one.
    await person(grid1, 'local', 'active', ['elderly_alone']);
    await person(grid1, 'local', 'active', ['elderly_alone', 'low_income']);
    await person(grid1, 'local');
    await person(grid1, 'floating');
    await person(grid1, 'local', 'moved_out', ['elderly_alone']);
    await household(grid1, 'resident');
    await household(grid1, 'resident');
    await household(grid1, 'empty');
    await house(grid1);
    await house(grid1);
    // 二网格: 1 local + 1 floating.
    await person(grid2, 'local', 'active', ['low_income']);
    await person(grid2, 'floating', 'active', ['floating']);
    await household(grid2, 'floating');
    await house(grid2);
    await business(grid2, '91330100MA2XXXXX1A');
    // Recorded at village level only (no grid yet).
    await household(village, 'resident');
    // Another village: must never be counted.
    await person(otherGrid, 'local', 'active', ['elderly_alone']);
    await person(otherGrid, 'floating');
    await household(otherGrid, 'resident');
    await house(otherGrid);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('counts the village and each grid with GROUP BY over the subtree', async () => {
    const res = await get(`/api/admin/regions/${village.id}/overview`);
    expect(res.status).toBe(200);
    const o = res.body.data as RegionOverviewVO;
    expect(o.region).toMatchObject({ id: village.id, name: '幸福村', level: 'village' });
    expect(o.counts).toEqual({ persons: 6, households: 5, houses: 3, businesses: 1 });
    expect(o.householdsByType).toEqual({ resident: 3, floating: 1, empty: 1 });
    expect(o.floatingPersons).toBe(2);
    const byCode = Object.fromEntries(o.personsByTag.map((x) => [x.code, x]));
    expect(byCode.elderly_alone).toEqual({ code: 'elderly_alone', name: '独居老人', count: 2 });
    expect(byCode.low_income).toEqual({ code: 'low_income', name: '低保户', count: 2 });
    expect(byCode.floating.count).toBe(1);
    // Every active tag definition is listed (0 when unused) so charts keep their categories.
    expect(byCode.veteran).toEqual({ code: 'veteran', name: '退役军人', count: 0 });
    expect(o.children.map((c) => c.region.id).sort()).toEqual([grid1.id, grid2.id].sort());
    const g1 = o.children.find((c) => c.region.id === grid1.id);
    const g2 = o.children.find((c) => c.region.id === grid2.id);
    expect(g1).toMatchObject({
      counts: { persons: 4, households: 3, houses: 2, businesses: 0 },
      householdsByType: { resident: 2, floating: 0, empty: 1 },
    });
    expect(g2).toMatchObject({
      counts: { persons: 2, households: 1, houses: 1, businesses: 1 },
      householdsByType: { resident: 0, floating: 1, empty: 0 },
    });
  });

  it('counts a single grid, and refuses other villages with 404', async () => {
    const o = (await get(`/api/admin/regions/${grid1.id}/overview`)).body.data as RegionOverviewVO;
    expect(o.counts).toEqual({ persons: 4, households: 3, houses: 2, businesses: 0 });
    expect(o.floatingPersons).toBe(1);
    expect(o.children).toEqual([]);
    expect((await get(`/api/admin/regions/${other.id}/overview`)).status).toBe(404);
    const townStaff = await staffAs(t, { username: 'ov.town', roles: ['village_admin'], region: town });
    const whole = (await get(`/api/admin/regions/${town.id}/overview`, townStaff)).body.data as RegionOverviewVO;
    expect(whole.counts).toEqual({ persons: 8, households: 6, houses: 4, businesses: 1 });
    expect(whole.children.map((c) => [c.region.name, c.counts.persons]).sort()).toEqual([
      ['平安村', 2],
      ['幸福村', 6],
    ]);
  });

  it('lists the workers of a region with masked phones: staff roles and mini-program grid workers', async () => {
    await (await t.get(StaffContactService)).setPhone(leader.id, '13912345678');
    const cipher = await t.get(PiiCipher);
    const mpId = randomUUID();
    await ds.getRepository(MpUser).insert({
      id: mpId,
      openid: `o-${mpId}`,
      unionid: null,
      nickname: '王网格员',
      avatarUrl: null,
      roles: ['resident', 'grid_worker'],
      phone: cipher.seal('13812345678'),
      regionId: grid1.id,
      scopePath: grid1.path,
      lastLoginAt: null,
    });
    // A resident of the grid is not a worker.
    await ds.getRepository(MpUser).insert({
      id: randomUUID(),
      openid: `o-${randomUUID()}`,
      unionid: null,
      nickname: '居民',
      avatarUrl: null,
      roles: ['resident'],
      phone: NO_PII,
      regionId: grid1.id,
      scopePath: grid1.path,
      lastLoginAt: null,
    });
    const res = await get(`/api/admin/regions/${grid1.id}`);
    expect(res.status).toBe(200);
    expect(res.body.data.workers).toEqual([
      { id: leader.id, kind: 'staff', name: 'ov.leader', role: 'grid_leader', phone: '139****5678' },
      { id: mpId, kind: 'mp', name: '王网格员', role: 'grid_worker', phone: '138****5678' },
    ]);
    expect((await get(`/api/admin/regions/${village.id}`)).body.data).toMatchObject({
      childCount: 2,
      workers: [{ name: 'ov.admin', role: 'village_admin', kind: 'staff' }],
    });
  });

  it('puts counts in the map’s feature properties', async () => {
    await t
      .http()
      .patch(`/api/admin/regions/${grid2.id}`)
      .set('Authorization', admin.auth)
      .send({ boundary: square(120.1, 30.2, 0.01) });
    const fc = (await get('/api/admin/regions/geojson')).body.data;
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0].properties.counts).toEqual({ persons: 2, households: 1, houses: 1, businesses: 1 });
  });

  it('refuses to delete a region with children, records or bound accounts, and deletes an empty one', async () => {
    const notEmpty = async (region: Region, what: string) => {
      const res = await del(`/api/admin/regions/${region.id}`);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('REGION_NOT_EMPTY');
      expect(res.body.error.message).toContain(what);
    };
    await notEmpty(village, '下级区域');
    await notEmpty(grid2, '居民');
    await notEmpty(grid1, '绑定的工作人员账号');
    const empty = await createRegion(t, '幸福村三网格', 'grid', village);
    await t
      .http()
      .patch(`/api/admin/regions/${empty.id}`)
      .set('Authorization', admin.auth)
      .send({ boundary: square(120.2, 30.2, 0.01) });
    const resolve = () => get('/api/admin/regions/resolve?lng=120.205&lat=30.205');
    expect((await resolve()).body.data.regionId).toBe(empty.id);
    expect((await del(`/api/admin/regions/${empty.id}`)).status).toBe(204);
    expect((await get(`/api/admin/regions/${empty.id}`)).status).toBe(404);
    expect((await resolve()).body.data.regionId).toBeNull();
    const [audit] = await ds
      .getRepository(AuditLog)
      .find({ where: { action: 'region.delete', resourceId: empty.id }, take: 1 });
    expect(audit).toMatchObject({ actorId: admin.id, result: 'success' });
    // A grid leader may read regions but not delete them.
    expect((await del(`/api/admin/regions/${grid2.id}`, leader)).status).toBe(403);
  });
});
