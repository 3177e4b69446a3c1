import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, createStaff, dataSourceOf, StaffFixture } from './support/staff-fixtures';
import { staffAs, StaffWithAuth } from './support/staff-session';
import type { Region } from '../src/modules/region';
import { StaffUser } from '../src/modules/staff/staff-user.entity';
import { StaffContactService } from '../src/modules/staff-admin';

const backend = currentBackend();

/** Insecure direct object references: ids of another village's accounts must lead nowhere. */
describe(`user administration stays inside the caller's region on ${backend.name}`, () => {
  let t: TestApp;
  let town: Region;
  let east: Region;
  let eastGrid: Region;
  let west: Region;
  let superAdmin: StaffWithAuth;
  let eastAdmin: StaffWithAuth;
  let westWorker: StaffFixture;
  let eastWorker: StaffFixture;

  beforeAll(async () => {
    t = await startTestApp(backend);
    town = await createRegion(t, '青山镇', 'town');
    east = await createRegion(t, '东村', 'village', town);
    eastGrid = await createRegion(t, '东村一网格', 'grid', east);
    west = await createRegion(t, '西村', 'village', town);
    superAdmin = await staffAs(t, { username: 'root.admin', roles: ['super_admin'], region: town });
    // PII grant too, so a 404 below cannot be mistaken for a missing permission.
    eastAdmin = await staffAs(t, {
      username: 'east.admin',
      roles: ['village_admin'],
      grants: ['person:pii:read'],
      region: east,
    });
    await createStaff(t, { username: 'west.admin', roles: ['village_admin'], region: west });
    westWorker = await createStaff(t, { username: 'west.worker', roles: ['grid_worker'], region: west });
    eastWorker = await createStaff(t, { username: 'east.worker', roles: ['grid_worker'], region: eastGrid });
    await (await t.get(StaffContactService)).setPhone(westWorker.id, '13700001234');
  });
  afterAll(async () => {
    await t?.close();
  });

  const as = (who: { auth: string }) => ({
    get: (url: string) => t.http().get(url).set('Authorization', who.auth),
    post: (url: string, body: object = {}) => t.http().post(url).set('Authorization', who.auth).send(body),
    patch: (url: string, body: object) => t.http().patch(url).set('Authorization', who.auth).send(body),
  });
  const usernames = (body: { data: { username: string }[] }) => body.data.map((u) => u.username).sort();

  it('lists only accounts inside the caller’s subtree', async () => {
    const eastList = await as(eastAdmin).get('/api/admin/users?pageSize=100');
    expect(usernames(eastList.body)).toEqual(['east.admin', 'east.worker']);
    expect(eastList.body.page.total).toBe(2);
    const all = await as(superAdmin).get('/api/admin/users?pageSize=100');
    expect(usernames(all.body)).toEqual(['east.admin', 'east.worker', 'root.admin', 'west.admin', 'west.worker']);
    // Searching by the exact username of another village finds nothing either.
    expect((await as(eastAdmin).get('/api/admin/users?q=west.worker')).body.page.total).toBe(0);
  });

  it.each([
    ['read', 'get', ''],
    ['read the PII of', 'get', '/pii'],
    ['update', 'patch', ''],
    ['disable', 'post', '/disable'],
    ['enable', 'post', '/enable'],
    ['reset the password of', 'post', '/reset-password'],
  ])('a village admin cannot %s an account of another village by id (404)', async (_label, method, suffix) => {
    const url = `/api/admin/users/${westWorker.id}${suffix}`;
    const client = as(eastAdmin);
    const res =
      method === 'get'
        ? await client.get(url)
        : method === 'patch'
          ? await client.patch(url, { displayName: '篡改' })
          : await client.post(url);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it('answers an unknown id exactly like another village’s id', async () => {
    const foreign = await as(eastAdmin).get(`/api/admin/users/${westWorker.id}`);
    const unknown = await as(eastAdmin).get('/api/admin/users/00000000-0000-4000-8000-000000000000');
    expect(foreign.status).toBe(unknown.status);
    expect(foreign.body).toEqual(unknown.body);
  });

  it('left the other village’s account untouched', async () => {
    const row = await (await dataSourceOf(t)).getRepository(StaffUser).findOneByOrFail({ id: westWorker.id });
    expect(row).toMatchObject({ displayName: 'west.worker', status: 'active', scopePath: westWorker.region?.path });
  });

  it('cannot create an account bound to another village, the town above, or a region that does not exist', async () => {
    for (const regionId of [west.id, town.id, 'no-such-region']) {
      const res = await as(eastAdmin).post('/api/admin/users', {
        username: `east.x${regionId.slice(0, 4)}`,
        displayName: 'x',
        roles: ['grid_worker'],
        regionId,
      });
      expect(res.status).toBe(404);
    }
    expect((await as(superAdmin).get('/api/admin/users?q=east.x')).body.page.total).toBe(0);
  });

  it('cannot move an own account out of its subtree', async () => {
    const res = await as(eastAdmin).patch(`/api/admin/users/${eastWorker.id}`, { regionId: west.id });
    expect(res.status).toBe(404);
    const moved = await as(eastAdmin).patch(`/api/admin/users/${eastWorker.id}`, { regionId: east.id });
    expect(moved.status).toBe(200);
    expect(moved.body.data.regionName).toBe('东村');
  });

  it('an account without a region sees no accounts at all (never "everything")', async () => {
    const loose = await staffAs(t, { username: 'loose.admin', roles: ['village_admin'], region: null });
    const list = await as(loose).get('/api/admin/users');
    expect(list.status).toBe(200);
    expect(list.body.page.total).toBe(0);
    expect((await as(loose).get(`/api/admin/users/${eastWorker.id}`)).status).toBe(404);
  });

  it('the super admin bound to the town reaches every village', async () => {
    const res = await as(superAdmin).get(`/api/admin/users/${westWorker.id}/pii`);
    // No PII grant: the permission check answers before the scope.
    expect(res.status).toBe(403);
    const read = await as(superAdmin).patch(`/api/admin/users/${westWorker.id}`, { displayName: '西村网格员' });
    expect(read.status).toBe(200);
  });
});
