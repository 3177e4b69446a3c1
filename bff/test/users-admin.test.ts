import { checkPassword } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { loginStaff, staffAs, StaffWithAuth } from './support/staff-session';
import type { Region } from '../src/modules/region';
import { AuditLog } from '../src/core/audit';
import { StaffContact } from '../src/modules/staff-admin';
import { StaffUser } from '../src/modules/staff/staff-user.entity';

const backend = currentBackend();

describe(`user administration on ${backend.name}`, () => {
  let t: TestApp;
  let town: Region;
  let village: Region;
  let grid: Region;
  let admin: StaffWithAuth;
  let villageAdmin: StaffWithAuth;

  beforeAll(async () => {
    t = await startTestApp(backend);
    town = await createRegion(t, '青山镇', 'town');
    village = await createRegion(t, '东村', 'village', town);
    grid = await createRegion(t, '东村一网格', 'grid', village);
    admin = await staffAs(t, { username: 'root.admin', roles: ['super_admin'], region: town });
    villageAdmin = await staffAs(t, { username: 'east.admin', roles: ['village_admin'], region: village });
  });
  afterAll(async () => {
    await t?.close();
  });

  const as = (who: { auth: string }) => ({
    get: (url: string) => t.http().get(url).set('Authorization', who.auth),
    post: (url: string, body: object = {}) => t.http().post(url).set('Authorization', who.auth).send(body),
    patch: (url: string, body: object) => t.http().patch(url).set('Authorization', who.auth).send(body),
  });

  /** As if the user had changed the temporary password (that flow belongs to the login tests). */
  async function skipPasswordChange(id: string): Promise<void> {
    await (await dataSourceOf(t)).getRepository(StaffUser).update({ id }, { mustChangePassword: false });
  }

  async function lastAudit(action: string): Promise<AuditLog> {
    const rows = await (
      await dataSourceOf(t)
    )
      .getRepository(AuditLog)
      .find({ where: { action }, order: { seq: 'DESC' }, take: 1 });
    return rows[0];
  }

  it('creates an account with a one-time policy-compliant password that must be changed at first login', async () => {
    const res = await as(villageAdmin).post('/api/admin/users', {
      username: 'east.grid1',
      displayName: '张网格',
      roles: ['grid_worker'],
      regionId: grid.id,
      phone: '+86 138-1234-5678',
    });
    expect(res.status).toBe(201);
    const { user, initialPassword } = res.body.data;
    expect(checkPassword(initialPassword, 'east.grid1')).toEqual([]);
    expect(user).toMatchObject({
      username: 'east.grid1',
      displayName: '张网格',
      roles: ['grid_worker'],
      grants: [],
      status: 'active',
      regionId: grid.id,
      regionName: '东村一网格',
      phoneMasked: '138****5678',
      mustChangePassword: true,
      mfaEnabled: false,
      mfaRequired: false,
    });
    expect(user).not.toHaveProperty('passwordHash');

    const login = await t
      .http()
      .post('/api/admin/auth/login')
      .send({ username: 'east.grid1', password: initialPassword });
    expect(login.status).toBe(200);
    expect(login.body.data.user.mustChangePassword).toBe(true);

    const record = await lastAudit('user.create');
    expect(record).toMatchObject({
      actorId: villageAdmin.id,
      actorName: 'east.admin',
      resourceType: 'staff_user',
      resourceId: user.id,
      result: 'success',
    });
    expect(record.detail).toContain('138****5678');
    expect(record.detail).not.toContain('13812345678');
    expect(record.detail).not.toContain(initialPassword);
  });

  it('stores the phone encrypted, never in clear', async () => {
    const rows = await (await dataSourceOf(t)).getRepository(StaffContact).find();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(JSON.stringify(row)).not.toContain('13812345678');
      expect(row.phone.hash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('explains a username with forbidden characters in its own words', async () => {
    const res = await as(villageAdmin).post('/api/admin/users', {
      username: 'east grid!',
      displayName: '空格',
      roles: ['grid_worker'],
      regionId: grid.id,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { field: 'username', message: '用户名只能包含字母、数字、点、下划线和连字符' },
    ]);
  });

  it('refuses a taken username with 409 CONFLICT', async () => {
    const res = await as(villageAdmin).post('/api/admin/users', {
      username: 'east.grid1',
      displayName: '重复',
      roles: ['grid_worker'],
      regionId: grid.id,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFLICT');
  });

  it.each([
    ['a bad username', { username: 'a b', displayName: 'x', roles: ['grid_worker'] }],
    ['no roles', { username: 'no.roles', displayName: 'x', roles: [] }],
    ['a mini-program role', { username: 'mp.role', displayName: 'x', roles: ['resident'] }],
    ['an unknown field', { username: 'extra.f', displayName: 'x', roles: ['grid_worker'], passwordHash: 'x' }],
    ['a bad phone', { username: 'bad.phone', displayName: 'x', roles: ['grid_worker'], phone: '12345' }],
  ])('answers %s with 400 and field details', async (_label, body) => {
    const res = await as(villageAdmin).post('/api/admin/users', { regionId: grid.id, ...body });
    expect(res.status).toBe(400);
    expect(res.body.error.details.length).toBeGreaterThan(0);
  });

  it('lists with pagination and filters on name, role and status', async () => {
    for (const [username, displayName] of [
      ['east.w2', '李二'],
      ['east.w3', '王三'],
      ['east.w4', '李四'],
    ]) {
      const res = await as(villageAdmin).post('/api/admin/users', {
        username,
        displayName,
        roles: ['grid_worker'],
        regionId: grid.id,
      });
      expect(res.status).toBe(201);
    }
    const all = await as(villageAdmin).get('/api/admin/users?pageSize=100');
    expect(all.status).toBe(200);
    const total = all.body.page.total as number;
    expect(total).toBe(all.body.data.length);

    const page2 = await as(villageAdmin).get('/api/admin/users?page=2&pageSize=2');
    expect(page2.body.page).toEqual({ page: 2, pageSize: 2, total });
    expect(page2.body.data).toHaveLength(2);

    const byName = await as(villageAdmin).get(`/api/admin/users?q=${encodeURIComponent('李')}`);
    expect(byName.body.data.map((u: { username: string }) => u.username).sort()).toEqual(['east.w2', 'east.w4']);
    const byUsername = await as(villageAdmin).get('/api/admin/users?q=w3');
    expect(byUsername.body.data.map((u: { username: string }) => u.username)).toEqual(['east.w3']);
    // LIKE wildcards in q are literal characters.
    expect((await as(villageAdmin).get('/api/admin/users?q=%25')).body.page.total).toBe(0);

    const admins = await as(villageAdmin).get('/api/admin/users?role=village_admin');
    expect(admins.body.data.map((u: { username: string }) => u.username)).toEqual(['east.admin']);

    const disabled = await as(villageAdmin).get('/api/admin/users?status=disabled');
    expect(disabled.body.page.total).toBe(0);
    const bad = await as(villageAdmin).get('/api/admin/users?pageSize=1000');
    expect(bad.status).toBe(400);
  });

  it('reads one account with the phone masked', async () => {
    const list = await as(villageAdmin).get('/api/admin/users?q=east.grid1');
    const id = list.body.data[0].id as string;
    const res = await as(villageAdmin).get(`/api/admin/users/${id}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id, username: 'east.grid1', phoneMasked: '138****5678' });
    expect(JSON.stringify(res.body)).not.toContain('13812345678');
    expect((await as(villageAdmin).get('/api/admin/users/no-such-id')).status).toBe(404);
  });

  it('updates the display name and audits the changed fields only', async () => {
    const target = (await as(villageAdmin).get('/api/admin/users?q=east.w2')).body.data[0];
    const res = await as(villageAdmin).patch(`/api/admin/users/${target.id}`, { displayName: '李贰' });
    expect(res.status).toBe(200);
    expect(res.body.data.displayName).toBe('李贰');
    const record = await lastAudit('user.update');
    expect(JSON.parse(record.detail ?? '{}')).toEqual({ changes: { displayName: { from: '李二', to: '李贰' } } });
  });

  it('changes roles and region, and ends the account’s sessions at once', async () => {
    const target = (await as(villageAdmin).get('/api/admin/users?q=east.w3')).body.data[0];
    const password = (await as(villageAdmin).post(`/api/admin/users/${target.id}/reset-password`)).body.data
      .temporaryPassword as string;
    await skipPasswordChange(target.id);
    const session = await loginStaff(t, 'east.w3', password);
    const me = () => t.http().get('/api/admin/me').set('Authorization', `Bearer ${session.accessToken}`);
    expect((await me()).status).toBe(200);

    const res = await as(villageAdmin).patch(`/api/admin/users/${target.id}`, {
      roles: ['grid_leader'],
      regionId: village.id,
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ roles: ['grid_leader'], regionId: village.id, regionName: '东村' });
    expect((await me()).status).toBe(401);
    const refresh = await t.http().post('/api/admin/auth/refresh').send({ refreshToken: session.refreshToken });
    expect(refresh.status).toBe(401);
    const record = await lastAudit('user.update');
    expect(JSON.parse(record.detail ?? '{}').changes).toEqual({
      roles: { from: ['grid_worker'], to: ['grid_leader'] },
      regionId: { from: grid.id, to: village.id },
    });
  });

  it('disables (ending sessions and logins) and enables again', async () => {
    const target = (await as(villageAdmin).get('/api/admin/users?q=east.w4')).body.data[0];
    const password = (await as(villageAdmin).post(`/api/admin/users/${target.id}/reset-password`)).body.data
      .temporaryPassword as string;
    await skipPasswordChange(target.id);
    const session = await loginStaff(t, 'east.w4', password);

    const off = await as(villageAdmin).post(`/api/admin/users/${target.id}/disable`);
    expect(off.status).toBe(200);
    expect(off.body.data.status).toBe('disabled');
    expect((await t.http().get('/api/admin/me').set('Authorization', `Bearer ${session.accessToken}`)).status).toBe(
      401,
    );
    const refused = await t.http().post('/api/admin/auth/login').send({ username: 'east.w4', password });
    expect(refused.status).toBe(403);
    expect(
      (await as(villageAdmin).get('/api/admin/users?status=disabled')).body.data.map((u: { id: string }) => u.id),
    ).toEqual([target.id]);
    expect((await lastAudit('user.disable')).resourceId).toBe(target.id);

    const on = await as(villageAdmin).post(`/api/admin/users/${target.id}/enable`);
    expect(on.body.data.status).toBe('active');
    expect((await t.http().post('/api/admin/auth/login').send({ username: 'east.w4', password })).status).toBe(200);
    expect((await lastAudit('user.enable')).resourceId).toBe(target.id);
  });

  it('resets a password: the old one stops working, the new one must be changed', async () => {
    const created = await as(villageAdmin).post('/api/admin/users', {
      username: 'east.w5',
      displayName: '赵五',
      roles: ['grid_worker'],
      regionId: grid.id,
    });
    const { user, initialPassword } = created.body.data;
    const reset = await as(villageAdmin).post(`/api/admin/users/${user.id}/reset-password`);
    expect(reset.status).toBe(200);
    const temporary = reset.body.data.temporaryPassword as string;
    expect(checkPassword(temporary, 'east.w5')).toEqual([]);
    expect(temporary).not.toBe(initialPassword);
    expect(
      (await t.http().post('/api/admin/auth/login').send({ username: 'east.w5', password: initialPassword })).status,
    ).toBe(401);
    const login = await t.http().post('/api/admin/auth/login').send({ username: 'east.w5', password: temporary });
    expect(login.status).toBe(200);
    expect(login.body.data.user.mustChangePassword).toBe(true);
    const record = await lastAudit('user.reset_password');
    expect(record.resourceId).toBe(user.id);
    expect(record.detail).not.toContain(temporary);
  });

  it('shows the unmasked phone only with person:pii:read, and audits each look', async () => {
    const target = (await as(villageAdmin).get('/api/admin/users?q=east.grid1')).body.data[0];
    expect((await as(villageAdmin).get(`/api/admin/users/${target.id}/pii`)).status).toBe(403);
    expect((await as(admin).get(`/api/admin/users/${target.id}/pii`)).status).toBe(403);
    const reader = await staffAs(t, {
      username: 'east.pii',
      roles: ['village_admin'],
      grants: ['person:pii:read'],
      region: village,
    });
    const res = await as(reader).get(`/api/admin/users/${target.id}/pii`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ id: target.id, phone: '13812345678' });
    const record = await lastAudit('pii.read');
    expect(record).toMatchObject({ actorId: reader.id, resourceId: target.id, result: 'success' });
    expect(record.detail).not.toContain('13812345678');
  });

  it('changes and clears the phone', async () => {
    const target = (await as(villageAdmin).get('/api/admin/users?q=east.w5')).body.data[0];
    const set = await as(villageAdmin).patch(`/api/admin/users/${target.id}`, { phone: '13900001111' });
    expect(set.body.data.phoneMasked).toBe('139****1111');
    const cleared = await as(villageAdmin).patch(`/api/admin/users/${target.id}`, { phone: null });
    expect(cleared.body.data.phoneMasked).toBeNull();
  });

  it('rate-limits password resets per administrator (429 with Retry-After)', async () => {
    const target = (await as(admin).get('/api/admin/users?q=east.w5')).body.data[0];
    let last = await as(admin).post(`/api/admin/users/${target.id}/reset-password`);
    for (let i = 0; i < 10 && last.status === 200; i += 1)
      last = await as(admin).post(`/api/admin/users/${target.id}/reset-password`);
    expect(last.status).toBe(429);
    expect(last.body.error.code).toBe('RATE_LIMITED');
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    // Someone else's budget is untouched.
    expect((await as(villageAdmin).post(`/api/admin/users/${target.id}/reset-password`)).status).toBe(200);
  });
});
