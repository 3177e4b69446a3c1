import { randomUUID } from 'crypto';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { DataSource } from 'typeorm';
import { maskIdNumber, maskPhone } from '@zhili/shared';
import type { HouseholdType, Role } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { mpLogin, MpFixture } from './support/mp-fixtures';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { staffAs } from './support/staff-session';
import type { Region } from '../src/modules/region';
import { Business, House, Household, Person, PersonTag, Visit } from '../src/modules/registry';
import { MpUser } from '../src/modules/mp-user';
import { PiiCipher } from '../src/core/crypto/pii-cipher';
import { scopePrefix } from '../src/core/scope/data-scope';

const backend = currentBackend();
const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(Date.now() - d * DAY);
const jpeg = Buffer.from([
  0xff, 0xd8, 0xff, 0xdb, 0x00, 0x04, 0x01, 0x02, 0xff, 0xda, 0x00, 0x04, 0x01, 0x00, 0x12, 0x34, 0xff, 0xd9,
]);

describe(`mini-program grid worker API on ${backend.name}`, () => {
  let t: TestApp;
  let ds: DataSource;
  let uploadDir: string;
  let gridA: Region;
  let gridB: Region;
  let worker: MpFixture;
  let resident: MpFixture;
  let headA: Person;
  let wifeA: Person;
  let lonelyA: Person;
  let personB: Person;
  let householdA: Household;
  let householdB: Household;

  async function person(
    name: string,
    region: Region,
    extra: Partial<Person> = {},
    tags: Record<string, number> = {},
  ): Promise<Person> {
    const cipher = await t.get(PiiCipher);
    const p = ds.getRepository(Person).create({
      id: randomUUID(),
      regionId: region.id,
      scopePath: region.path,
      name,
      gender: 'male',
      birthDate: '1960-05-01',
      idNumber: cipher.seal(null),
      phone: cipher.seal(null),
      hukouType: 'local',
      hukouAddress: null,
      address: null,
      origin: null,
      arrivalDate: null,
      permitStatus: null,
      permitExpiry: null,
      householdId: null,
      relationToHead: null,
      status: 'active',
      note: null,
      lastVisitedAt: null,
      ...extra,
    });
    await ds.getRepository(Person).insert(p);
    for (const [code, ago] of Object.entries(tags))
      await ds
        .getRepository(PersonTag)
        .insert({ personId: p.id, tagCode: code, scopePath: region.path, taggedAt: daysAgo(ago) });
    return p;
  }
  async function household(region: Region, type: HouseholdType, address: string): Promise<Household> {
    const h = ds.getRepository(Household).create({
      id: randomUUID(),
      regionId: region.id,
      scopePath: region.path,
      code: null,
      type,
      headPersonId: null,
      houseId: null,
      address,
      landNote: null,
    });
    await ds.getRepository(Household).insert(h);
    return h;
  }
  const setWorker = (id: string, roles: Role[], region: Region | null) =>
    ds.getRepository(MpUser).update({ id }, { roles, regionId: region?.id ?? null, scopePath: region?.path ?? null });

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'zhili-mpgrid-'));
    t = await startTestApp(backend, { UPLOAD_DIR: uploadDir });
    ds = await dataSourceOf(t);
    const cipher = await t.get(PiiCipher);
    const town = await createRegion(t, '青山镇', 'town');
    const villageA = await createRegion(t, '幸福村', 'village', town);
    gridA = await createRegion(t, '幸福村一网格', 'grid', villageA);
    const villageB = await createRegion(t, '和谐村', 'village', town);
    gridB = await createRegion(t, '和谐村一网格', 'grid', villageB);

    householdA = await household(gridA, 'resident', '幸福村12号');
    const floatingA = await household(gridA, 'floating', '幸福村35号');
    await household(gridA, 'empty', '幸福村40号');
    householdB = await household(gridB, 'resident', '和谐村8号');
    headA = await person('张建国', gridA, {
      householdId: householdA.id,
      relationToHead: 'self',
      idNumber: cipher.seal('110101196005011234'),
      phone: cipher.seal('13812345678'),
    });
    wifeA = await person('李秀梅', gridA, { householdId: householdA.id, relationToHead: 'spouse', gender: 'female' });
    await ds.getRepository(Household).update({ id: householdA.id }, { headPersonId: headA.id });
    const tenant = await person('王小军', gridA, {
      householdId: floatingA.id,
      relationToHead: 'self',
      hukouType: 'floating',
      origin: '安徽',
      permitStatus: 'valid',
    });
    await ds.getRepository(Household).update({ id: floatingA.id }, { headPersonId: tenant.id });
    lonelyA = await person(
      '张桂兰',
      gridA,
      { gender: 'female', birthDate: '1938-02-02', address: '幸福村20号' },
      { elderly_alone: 8 },
    );
    await person('赵已迁', gridA, { status: 'moved_out' });
    personB = await person(
      '张和谐',
      gridB,
      { householdId: householdB.id, relationToHead: 'self' },
      { elderly_alone: 30 },
    );
    await ds.getRepository(Household).update({ id: householdB.id }, { headPersonId: personB.id });
    await ds.getRepository(House).insert({
      id: randomUUID(),
      regionId: gridA.id,
      scopePath: gridA.path,
      estateId: null,
      buildingId: null,
      unitId: null,
      address: '幸福村12号',
      roomNo: null,
      use: 'self_occupied',
      areaM2: 120,
      lng: null,
      lat: null,
    });
    await ds.getRepository(Business).insert({
      id: randomUUID(),
      regionId: gridA.id,
      scopePath: gridA.path,
      name: '幸福小卖部',
      creditCode: '91330100MA2B3C4D5E',
      legalRepresentative: null,
      contactPhone: cipher.seal(null),
      address: null,
      type: 'retail',
      status: 'open',
      lng: null,
      lat: null,
    });

    worker = await mpLogin(t, 'grid-worker-a', '王五');
    resident = await mpLogin(t, 'resident-z', '张三');
    await setWorker(worker.id, ['resident', 'grid_worker'], gridA);
    // Tokens carry the roles of their login: the guard's @RequireRole needs a token issued after the
    // grant (binding-code redemption hands out exactly such a token).
    worker = await mpLogin(t, 'grid-worker-a', '王五');
  });
  afterAll(async () => {
    await t?.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  const get = (who: { auth: string }, path: string) =>
    t.http().get(`/api/mp/grid${path}`).set('Authorization', who.auth);
  const visit = (who: { auth: string }, body: object) =>
    t.http().post('/api/mp/grid/visits').set('Authorization', who.auth).send(body);

  it('refuses residents (403) and staff tokens on every grid route', async () => {
    for (const path of [
      '/overview',
      '/households',
      `/households/${householdA.id}`,
      '/persons',
      `/persons/${headA.id}`,
      '/visits/due',
    ]) {
      const res = await get(resident, path);
      expect([path, res.status, res.body.error?.code]).toEqual([path, 403, 'FORBIDDEN']);
    }
    expect((await visit(resident, { personId: headA.id, note: '居民不能登记走访' })).status).toBe(403);
    const staff = await staffAs(t, { username: 'grid.staff', roles: ['grid_worker'], region: gridA });
    expect((await get(staff, '/overview')).status).toBe(403);
  });

  it('gives the worker an overview of their own grid only (active persons, households by type, visits due)', async () => {
    const res = await get(worker, '/overview');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      region: { id: gridA.id, name: '幸福村一网格', path: gridA.path },
      counts: { persons: 4, households: 3, houses: 1, businesses: 1 },
      householdsByType: { resident: 1, floating: 1, empty: 1 },
      visitsDue: { overdue: 1, due: 0, upcoming: 0, total: 1 },
    });
  });

  it('lists and searches households by head name prefix or address, and filters by type', async () => {
    const all = (await get(worker, '/households')).body;
    expect(all.page.total).toBe(3);
    expect(all.data.map((h: { id: string }) => h.id)).not.toContain(householdB.id);
    const byHead = (await get(worker, `/households?q=${encodeURIComponent('张')}`)).body.data;
    expect(byHead).toEqual([
      expect.objectContaining({
        id: householdA.id,
        headName: '张建国',
        headPersonId: headA.id,
        memberCount: 2,
        type: 'resident',
        regionName: '幸福村一网格',
      }),
    ]);
    const byAddress = (await get(worker, `/households?q=${encodeURIComponent('35号')}`)).body.data;
    expect(byAddress.map((h: { headName: string }) => h.headName)).toEqual(['王小军']);
    const empty = (await get(worker, '/households?type=empty')).body.data;
    expect(empty).toEqual([expect.objectContaining({ address: '幸福村40号', headName: null, memberCount: 0 })]);
  });

  it('opens a household card with masked members, head first; other grids answer 404', async () => {
    const res = await get(worker, `/households/${householdA.id}`);
    expect(res.status).toBe(200);
    expect(res.body.data.members.map((m: { id: string }) => m.id)).toEqual([headA.id, wifeA.id]);
    expect(res.body.data.members[0]).toMatchObject({
      relationToHead: 'self',
      idNumber: maskIdNumber('110101196005011234'),
      phone: maskPhone('13812345678'),
    });
    expect(JSON.stringify(res.body)).not.toContain('13812345678');
    expect((await get(worker, `/households/${householdB.id}`)).status).toBe(404);
  });

  it('lists persons by name prefix and tag, active only, within the grid', async () => {
    const zhang = (await get(worker, `/persons?q=${encodeURIComponent('张')}`)).body;
    expect(zhang.data.map((p: { name: string }) => p.name).sort()).toEqual(['张建国', '张桂兰']);
    const tagged = (await get(worker, '/persons?tag=elderly_alone')).body.data;
    expect(tagged.map((p: { id: string }) => p.id)).toEqual([lonelyA.id]);
    expect(tagged[0].tags).toEqual(['elderly_alone']);
    // 4 active persons; the moved-out one is left out.
    expect((await get(worker, '/persons')).body.page.total).toBe(4);
  });

  it('shows a person card with visits and the visit due; another grid’s person is 404', async () => {
    const res = await get(worker, `/persons/${lonelyA.id}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      name: '张桂兰',
      visits: [],
      visitDue: { status: 'overdue', overdueDays: 1 },
      tagDetails: [{ code: 'elderly_alone', name: '独居老人' }],
    });
    const head = (await get(worker, `/persons/${headA.id}`)).body.data;
    expect(head).toMatchObject({
      phone: maskPhone('13812345678'),
      household: { id: householdA.id, headName: '张建国', type: 'resident' },
      visitDue: null,
    });
    expect((await get(worker, `/persons/${personB.id}`)).status).toBe(404);
  });

  it('records a visit as the worker with an uploaded photo, which clears the due item', async () => {
    const due = (await get(worker, '/visits/due')).body;
    expect(due.data.map((i: { personId: string }) => i.personId)).toEqual([lonelyA.id]);
    const photo = await t
      .http()
      .post('/api/mp/files')
      .set('Authorization', worker.auth)
      .attach('file', jpeg, { filename: 'p.jpg', contentType: 'image/jpeg' });
    expect(photo.status).toBe(201);
    const res = await visit(worker, {
      personId: lonelyA.id,
      note: '老人身体健康，家中安全隐患已排查',
      photoIds: [photo.body.data.id],
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      personId: lonelyA.id,
      visitorName: '王五',
      photos: [{ id: photo.body.data.id, mime: 'image/jpeg' }],
    });
    expect(await ds.getRepository(Visit).findOneByOrFail({ id: res.body.data.id })).toMatchObject({
      visitorKind: 'mp',
      visitorId: worker.id,
      scopePath: gridA.path,
    });

    expect((await get(worker, '/visits/due')).body.data).toEqual([]);
    expect((await get(worker, '/overview')).body.data.visitsDue).toEqual({ overdue: 0, due: 0, upcoming: 0, total: 0 });
    const card = (await get(worker, `/persons/${lonelyA.id}`)).body.data;
    expect(card.visits.map((v: { id: string }) => v.id)).toEqual([res.body.data.id]);
    expect(card.visitDue.status).toBe('ok');
  });

  it('cannot visit a person of grid B (404) nor attach a photo uploaded by someone else', async () => {
    expect((await visit(worker, { personId: personB.id, note: '越界' })).status).toBe(404);
    expect(await ds.getRepository(Visit).countBy({ personId: personB.id })).toBe(0);
    const theirs = await t
      .http()
      .post('/api/mp/files')
      .set('Authorization', resident.auth)
      .attach('file', jpeg, { filename: 'r.jpg', contentType: 'image/jpeg' });
    const res = await visit(worker, { personId: headA.id, note: '借用居民的照片', photoIds: [theirs.body.data.id] });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('photoIds');
  });

  it('reads role and region from the database on every request: a token still listing the role is not enough', async () => {
    await setWorker(worker.id, ['resident', 'grid_worker'], gridB);
    expect((await get(worker, `/persons/${personB.id}`)).status).toBe(200);
    expect((await get(worker, `/persons/${headA.id}`)).status).toBe(404);
    await setWorker(worker.id, ['resident', 'grid_worker'], null);
    const loose = (await get(worker, '/overview')).body.data;
    expect(loose).toMatchObject({ region: null, counts: { persons: 0, households: 0, houses: 0, businesses: 0 } });
    expect((await get(worker, '/persons')).body.data).toEqual([]);
    await setWorker(worker.id, ['resident'], gridA);
    expect((await get(worker, '/persons')).status).toBe(403);
    await setWorker(worker.id, ['resident', 'grid_worker'], gridA);
  });

  it('gives a scope to mini-program grid workers only: a resident carrying a path still sees nothing', () => {
    expect(scopePrefix({ kind: 'mp', id: 'w', roles: ['resident', 'grid_worker'], scopePath: '/a/' })).toBe('/a/');
    expect(scopePrefix({ kind: 'mp', id: 'r', roles: ['resident'], scopePath: '/a/' })).toBeNull();
    expect(scopePrefix({ kind: 'mp', id: 'p', roles: ['party_member'], scopePath: '/a/' })).toBeNull();
    expect(scopePrefix({ kind: 'staff', id: 's', roles: [], scopePath: '/a/' })).toBe('/a/');
  });

  it('refuses a token issued before the role was granted (the guard checks @RequireRole first)', async () => {
    const before = await mpLogin(t, 'late-worker', '赵六');
    await setWorker(before.id, ['resident', 'grid_worker'], gridA);
    expect((await get(before, '/overview')).status).toBe(403);
    const after = await mpLogin(t, 'late-worker', '赵六');
    expect((await get(after, '/overview')).status).toBe(200);
  });
});
