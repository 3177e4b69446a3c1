import { passwordProblemMessages } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createStaff, dataSourceOf, FIXTURE_PASSWORD } from './support/staff-fixtures';
import { StaffService } from '../src/modules/staff';
import { StaffUser } from '../src/modules/staff/staff-user.entity';
import { StaffPasswordHistory } from '../src/modules/staff/staff-password-history.entity';
import { AuditLog } from '../src/core/audit';

const backend = currentBackend();

/** Every request of a test comes from its own address: login rate limits and IP counters are per IP. */
let nextIp = 0;
const freshIp = () => `10.1.0.${++nextIp}`;

describe(`staff password policy on ${backend.name}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function login(username: string, password: string, ip = freshIp()) {
    const res = await t.http().post('/api/admin/auth/login').set('X-Forwarded-For', ip).send({ username, password });
    expect(res.status).toBe(200);
    expect(res.body.data.mfaRequired).toBe(false);
    return res.body.data as { accessToken: string; refreshToken: string; user: Record<string, unknown> };
  }

  const changePassword = (token: string, currentPassword: string, newPassword: string) =>
    t
      .http()
      .post('/api/admin/auth/password')
      .set('Authorization', `Bearer ${token}`)
      .send({ currentPassword, newPassword });

  /** A route outside /api/admin/me and /api/admin/auth/*, which the role may use (role:read). */
  const elsewhere = (token: string) => t.http().get('/api/admin/roles').set('Authorization', `Bearer ${token}`);
  const me = (token: string) => t.http().get('/api/admin/me').set('Authorization', `Bearer ${token}`);

  async function newAccount(username: string): Promise<void> {
    await (
      await t.get(StaffService)
    ).create({ username, displayName: username, password: FIXTURE_PASSWORD, roles: ['community_admin'] });
  }

  it('refuses to create an account whose password breaks the policy', async () => {
    await expect(
      (await t.get(StaffService)).create({
        username: 'weak.one',
        displayName: 'x',
        password: 'short',
        roles: ['grid_worker'],
      }),
    ).rejects.toMatchObject({ code: 'AUTH_PASSWORD_POLICY' });
  });

  it('forces a first-login change: 403 AUTH_PASSWORD_CHANGE_REQUIRED elsewhere, profile and auth routes allowed, then everything works', async () => {
    await newAccount('first.login');
    const session = await login('first.login', FIXTURE_PASSWORD);
    expect(session.user).toMatchObject({ mustChangePassword: true, passwordExpired: false });

    const refused = await elsewhere(session.accessToken);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toEqual({ code: 'AUTH_PASSWORD_CHANGE_REQUIRED', message: '请先修改密码' });
    expect((await me(session.accessToken)).status).toBe(200);
    // A refresh re-decides the requirement from the database: still required.
    const refreshed = await t.http().post('/api/admin/auth/refresh').send({ refreshToken: session.refreshToken });
    expect(refreshed.status).toBe(200);
    expect((await elsewhere(refreshed.body.data.accessToken)).status).toBe(403);

    const changed = await changePassword(refreshed.body.data.accessToken, FIXTURE_PASSWORD, 'Brand-New-Pass-1');
    expect(changed.status).toBe(200);
    expect(changed.body.data).toMatchObject({ ok: true, expiresIn: expect.any(Number) });

    // The fresh pair works everywhere; every earlier token of the account is dead.
    expect((await elsewhere(changed.body.data.accessToken)).status).toBe(200);
    expect((await me(changed.body.data.accessToken)).body.data).toMatchObject({
      mustChangePassword: false,
      passwordExpired: false,
    });
    expect((await me(refreshed.body.data.accessToken)).status).toBe(401);
    expect(
      (await t.http().post('/api/admin/auth/refresh').send({ refreshToken: refreshed.body.data.refreshToken })).status,
    ).toBe(401);
    expect(
      (await t.http().post('/api/admin/auth/refresh').send({ refreshToken: changed.body.data.refreshToken })).status,
    ).toBe(200);

    // The next login goes straight through with the new password, and the old one is refused.
    const again = await login('first.login', 'Brand-New-Pass-1');
    expect(again.user.mustChangePassword).toBe(false);
    expect((await elsewhere(again.accessToken)).status).toBe(200);
    const old = await t
      .http()
      .post('/api/admin/auth/login')
      .set('X-Forwarded-For', freshIp())
      .send({ username: 'first.login', password: FIXTURE_PASSWORD });
    expect(old.body.error.code).toBe('AUTH_INVALID_CREDENTIALS');

    const audit = await (
      await dataSourceOf(t)
    )
      .getRepository(AuditLog)
      .findBy({ action: 'auth.password_change', actorName: 'first.login' });
    expect(audit.map((a) => a.result)).toEqual(['success']);
  });

  it('lists every broken rule in Chinese, and refuses a wrong current password', async () => {
    const staff = await createStaff(t, { username: 'policy.user', roles: ['community_admin'] });
    const { accessToken } = await login(staff.username, staff.password);

    const weak = await changePassword(accessToken, staff.password, 'policy.user');
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('AUTH_PASSWORD_POLICY');
    expect(weak.body.error.details).toEqual([
      { field: 'newPassword', message: passwordProblemMessages.tooFewClasses },
      { field: 'newPassword', message: passwordProblemMessages.containsUsername },
    ]);
    const short = await changePassword(accessToken, staff.password, 'Ab1!');
    expect(short.body.error.details).toEqual([{ field: 'newPassword', message: passwordProblemMessages.tooShort }]);

    const wrongCurrent = await changePassword(accessToken, 'Not-The-Current-1', 'Perfectly-Fine-9');
    expect(wrongCurrent.status).toBe(401);
    expect(wrongCurrent.body.error).toMatchObject({
      code: 'AUTH_INVALID_CREDENTIALS',
      details: [{ field: 'currentPassword', message: '当前密码不正确' }],
    });
    // None of the refused attempts changed anything.
    expect((await elsewhere(accessToken)).status).toBe(200);
  });

  it('refuses the current password and the last five, accepts the sixth oldest again', async () => {
    const staff = await createStaff(t, { username: 'history.user', roles: ['community_admin'] });
    let token = (await login(staff.username, staff.password)).accessToken;
    let current = staff.password;
    const used = ['Second-Pass-01', 'Third-Pass-02', 'Fourth-Pass-03', 'Fifth-Pass-04', 'Sixth-Pass-05'];
    for (const next of used) {
      const res = await changePassword(token, current, next);
      expect(res.status).toBe(200);
      token = res.body.data.accessToken;
      current = next;
    }
    // History: the newest five (the initial password has dropped out).
    const history = await (await dataSourceOf(t)).getRepository(StaffPasswordHistory).countBy({ staffId: staff.id });
    expect(history).toBe(5);

    for (const reused of [current, 'Second-Pass-01', 'Fourth-Pass-03']) {
      const res = await changePassword(token, current, reused);
      expect(res.status).toBe(400);
      expect(res.body.error).toEqual({ code: 'AUTH_PASSWORD_REUSED', message: '新密码不能与最近使用过的密码相同' });
    }
    const sixthOldest = await changePassword(token, current, staff.password);
    expect(sixthOldest.status).toBe(200);
  });

  it('forces a change once the password is older than PASSWORD_MAX_AGE_DAYS', async () => {
    const staff = await createStaff(t, { username: 'aging.user', roles: ['community_admin'] });
    const users = (await dataSourceOf(t)).getRepository(StaffUser);
    await users.update({ id: staff.id }, { passwordChangedAt: new Date(Date.now() - 89 * 86_400_000) });
    const fresh = await login(staff.username, staff.password);
    expect(fresh.user).toMatchObject({ mustChangePassword: false, passwordExpired: false });
    expect((await elsewhere(fresh.accessToken)).status).toBe(200);

    await users.update({ id: staff.id }, { passwordChangedAt: new Date(Date.now() - 91 * 86_400_000) });
    const expired = await login(staff.username, staff.password);
    expect(expired.user).toMatchObject({ mustChangePassword: false, passwordExpired: true });
    expect((await elsewhere(expired.accessToken)).body.error.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
    // A session from before the expiry picks it up at its next refresh.
    const refreshed = await t.http().post('/api/admin/auth/refresh').send({ refreshToken: fresh.refreshToken });
    expect((await elsewhere(refreshed.body.data.accessToken)).body.error.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');

    const changed = await changePassword(expired.accessToken, staff.password, 'Renewed-Pass-77');
    expect(changed.status).toBe(200);
    expect((await me(changed.body.data.accessToken)).body.data.passwordExpired).toBe(false);
    expect((await elsewhere(changed.body.data.accessToken)).status).toBe(200);
  });
});
