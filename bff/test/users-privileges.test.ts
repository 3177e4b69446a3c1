import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, createStaff, dataSourceOf, StaffFixture } from './support/staff-fixtures';
import { staffAs, StaffWithAuth } from './support/staff-session';
import type { Region } from '../src/modules/region';
import { AuditLog } from '../src/core/audit';
import { grantablePermissions, grantableRoles, mayManage } from '../src/modules/staff-admin';

const backend = currentBackend();

describe('privilege rules (pure)', () => {
  it('lets a village admin grant only roles within its own permissions', () => {
    expect(grantableRoles({ roles: ['village_admin'] }).sort()).toEqual([
      'community_admin',
      'grid_leader',
      'grid_worker',
      'village_admin',
    ]);
    expect(grantableRoles({ roles: ['super_admin'] })).toContain('town_admin');
    // Only its own role (and it cannot manage users at all: no user:manage).
    expect(grantableRoles({ roles: ['auditor'] })).toEqual(['auditor']);
  });
  it('keeps person:pii:read out of everyone’s grantable set except the super admin’s', () => {
    expect(grantablePermissions({ roles: ['town_admin'] })).not.toContain('person:pii:read');
    expect(grantablePermissions({ roles: ['super_admin'] })).toContain('person:pii:read');
  });
  it('forbids managing an account that holds more', () => {
    expect(mayManage({ roles: ['village_admin'] }, { roles: ['grid_worker'] })).toBe(true);
    expect(mayManage({ roles: ['village_admin'] }, { roles: ['grid_worker'], grants: ['audit:read'] })).toBe(false);
    expect(mayManage({ roles: ['village_admin'] }, { roles: ['town_admin'] })).toBe(false);
    expect(mayManage({ roles: ['super_admin'] }, { roles: ['town_admin'], grants: ['person:pii:read'] })).toBe(true);
    // The super admin's permission list is a subset of a village admin's; its power is not.
    expect(mayManage({ roles: ['village_admin'] }, { roles: ['super_admin'] })).toBe(false);
    expect(mayManage({ roles: ['town_admin'] }, { roles: ['super_admin'] })).toBe(false);
  });
});

describe(`privilege escalation through the user API on ${backend.name}`, () => {
  let t: TestApp;
  let town: Region;
  let east: Region;
  let superAdmin: StaffWithAuth;
  let townAdmin: StaffWithAuth;
  let eastAdmin: StaffWithAuth;
  let worker: StaffFixture;
  let bigShot: StaffFixture;

  beforeAll(async () => {
    t = await startTestApp(backend);
    town = await createRegion(t, '青山镇', 'town');
    east = await createRegion(t, '东村', 'village', town);
    superAdmin = await staffAs(t, { username: 'root.admin', roles: ['super_admin'], region: town });
    townAdmin = await staffAs(t, { username: 'town.admin', roles: ['town_admin'], region: town });
    eastAdmin = await staffAs(t, { username: 'east.admin', roles: ['village_admin'], region: east });
    worker = await createStaff(t, { username: 'east.worker', roles: ['grid_worker'], region: east });
    // A town admin bound inside the village: visible to the village admin, but holds more.
    bigShot = await createStaff(t, { username: 'east.bigshot', roles: ['town_admin'], region: east });
  });
  afterAll(async () => {
    await t?.close();
  });

  const as = (who: { auth: string }) => ({
    get: (url: string) => t.http().get(url).set('Authorization', who.auth),
    post: (url: string, body: object = {}) => t.http().post(url).set('Authorization', who.auth).send(body),
    patch: (url: string, body: object) => t.http().patch(url).set('Authorization', who.auth).send(body),
  });
  const newUser = (username: string, roles: string[], regionId = east.id) => ({
    username,
    displayName: username,
    roles,
    regionId,
  });

  async function lastAudit(): Promise<AuditLog> {
    return (await (await dataSourceOf(t)).getRepository(AuditLog).find({ order: { seq: 'DESC' }, take: 1 }))[0];
  }

  async function expectDenied(
    res: { status: number; body: { error?: { code: string; message: string } } },
    actorId: string,
  ): Promise<void> {
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe('FORBIDDEN');
    expect(res.body.error?.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await lastAudit()).toMatchObject({ actorId, result: 'denied' });
  }

  it.each([['town_admin'], ['super_admin'], ['auditor'], ['party_secretary']])(
    'a village admin cannot create a %s',
    async (role) => {
      await expectDenied(await as(eastAdmin).post('/api/admin/users', newUser(`x.${role}`, [role])), eastAdmin.id);
    },
  );

  it('a village admin can create peers and lesser roles', async () => {
    const res = await as(eastAdmin).post('/api/admin/users', newUser('east.peer', ['village_admin', 'grid_leader']));
    expect(res.status).toBe(201);
  });

  it('a village admin cannot raise a worker above itself, by role or by grant', async () => {
    await expectDenied(
      await as(eastAdmin).patch(`/api/admin/users/${worker.id}`, { roles: ['town_admin'] }),
      eastAdmin.id,
    );
    await expectDenied(
      await as(eastAdmin).patch(`/api/admin/users/${worker.id}`, { grants: ['audit:read'] }),
      eastAdmin.id,
    );
    await expectDenied(
      await as(eastAdmin).patch(`/api/admin/users/${worker.id}`, { grants: ['person:pii:read'] }),
      eastAdmin.id,
    );
    const ok = await as(eastAdmin).patch(`/api/admin/users/${worker.id}`, { grants: ['case:dispatch'] });
    expect(ok.status).toBe(200);
    expect(ok.body.data.grants).toEqual(['case:dispatch']);
  });

  it('refuses unknown roles and permissions as validation errors', async () => {
    expect((await as(superAdmin).patch(`/api/admin/users/${worker.id}`, { grants: ['root:everything'] })).status).toBe(
      400,
    );
    expect((await as(superAdmin).patch(`/api/admin/users/${worker.id}`, { roles: ['god'] })).status).toBe(400);
  });

  it('a village admin cannot manage an account that holds more, even inside its village', async () => {
    const visible = await as(eastAdmin).get(`/api/admin/users/${bigShot.id}`);
    expect(visible.status).toBe(200);
    await expectDenied(await as(eastAdmin).post(`/api/admin/users/${bigShot.id}/reset-password`), eastAdmin.id);
    await expectDenied(await as(eastAdmin).post(`/api/admin/users/${bigShot.id}/disable`), eastAdmin.id);
    await expectDenied(
      await as(eastAdmin).patch(`/api/admin/users/${bigShot.id}`, { displayName: '改名' }),
      eastAdmin.id,
    );
    await expectDenied(
      await as(eastAdmin).patch(`/api/admin/users/${bigShot.id}`, { roles: ['grid_worker'] }),
      eastAdmin.id,
    );
  });

  it('only a super admin grants person:pii:read, never to themselves, and the audit shows it', async () => {
    await expectDenied(
      await as(townAdmin).patch(`/api/admin/users/${worker.id}`, { grants: ['case:dispatch', 'person:pii:read'] }),
      townAdmin.id,
    );
    const granted = await as(superAdmin).patch(`/api/admin/users/${worker.id}`, {
      grants: ['case:dispatch', 'person:pii:read'],
    });
    expect(granted.status).toBe(200);
    const record = await lastAudit();
    expect(record).toMatchObject({
      action: 'user.update',
      actorId: superAdmin.id,
      resourceId: worker.id,
      result: 'success',
    });
    expect(JSON.parse(record.detail ?? '{}')).toMatchObject({
      piiGrant: 'granted',
      changes: { grants: { from: ['case:dispatch'], to: ['case:dispatch', 'person:pii:read'] } },
    });
    await expectDenied(
      await as(superAdmin).patch(`/api/admin/users/${superAdmin.id}`, { grants: ['person:pii:read'] }),
      superAdmin.id,
    );
  });

  it('lets an administrator who holds the permission take a PII grant away', async () => {
    const res = await as(townAdmin).patch(`/api/admin/users/${worker.id}`, { grants: ['case:dispatch'] });
    expect(res.status).toBe(200);
    expect(JSON.parse((await lastAudit()).detail ?? '{}').piiGrant).toBe('revoked');
  });

  it('nobody grants themselves anything, disables themselves or resets their own password here', async () => {
    await expectDenied(
      await as(eastAdmin).patch(`/api/admin/users/${eastAdmin.id}`, { roles: ['village_admin', 'grid_leader'] }),
      eastAdmin.id,
    );
    await expectDenied(
      await as(superAdmin).patch(`/api/admin/users/${superAdmin.id}`, { grants: ['case:read'] }),
      superAdmin.id,
    );
    await expectDenied(
      await as(eastAdmin).patch(`/api/admin/users/${eastAdmin.id}`, { regionId: town.id }),
      eastAdmin.id,
    );
    await expectDenied(await as(eastAdmin).post(`/api/admin/users/${eastAdmin.id}/disable`), eastAdmin.id);
    await expectDenied(await as(eastAdmin).post(`/api/admin/users/${eastAdmin.id}/reset-password`), eastAdmin.id);
    // Unchanged values and the display name are fine.
    const own = await as(eastAdmin).patch(`/api/admin/users/${eastAdmin.id}`, {
      displayName: '东村管理员',
      roles: ['village_admin'],
    });
    expect(own.status).toBe(200);
  });

  it('the super admin may grant any role to someone else', async () => {
    const res = await as(superAdmin).post('/api/admin/users', newUser('town.auditor', ['auditor'], town.id));
    expect(res.status).toBe(201);
    const promoted = await as(superAdmin).patch(`/api/admin/users/${res.body.data.user.id}`, {
      roles: ['super_admin'],
    });
    expect(promoted.status).toBe(200);
  });

  it('changing roles, region or grants needs role:assign on top of user:manage', async () => {
    const clerk = await staffAs(t, {
      username: 'east.clerk',
      roles: ['grid_worker'],
      grants: ['user:read', 'user:manage'],
      region: east,
    });
    await expectDenied(await as(clerk).post('/api/admin/users', newUser('east.byclerk', ['grid_worker'])), clerk.id);
    await expectDenied(await as(clerk).patch(`/api/admin/users/${worker.id}`, { roles: ['grid_leader'] }), clerk.id);
    await expectDenied(await as(clerk).patch(`/api/admin/users/${worker.id}`, { grants: [] }), clerk.id);
    // The worker now holds case:dispatch, which the clerk lacks: a plain worker is the clerk's to rename.
    const plain = await createStaff(t, { username: 'east.plain', roles: ['grid_worker'], region: east });
    const renamed = await as(clerk).patch(`/api/admin/users/${plain.id}`, { displayName: '网格员甲' });
    expect(renamed.status).toBe(200);
  });

  it('a role without user:manage cannot write at all', async () => {
    const secretary = await staffAs(t, { username: 'party.sec', roles: ['party_secretary'], region: town });
    expect((await as(secretary).get('/api/admin/users')).status).toBe(200);
    const res = await as(secretary).patch(`/api/admin/users/${worker.id}`, { displayName: 'x' });
    expect(res.status).toBe(403);
  });
});
