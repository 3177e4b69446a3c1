import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createStaff, dataSourceOf, StaffFixture } from './support/staff-fixtures';
import { SessionService } from '../src/core/auth/session.service';
import { AuthSession } from '../src/core/auth/auth-session.entity';
import { StaffUser } from '../src/modules/staff/staff-user.entity';
import { AuditLog } from '../src/core/audit';

const backend = currentBackend();

let nextIp = 0;
const freshIp = () => `10.4.0.${++nextIp}`;

interface Pair {
  accessToken: string;
  refreshToken: string;
}

describe(`staff sessions on ${backend.name}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    // A short idle timeout keeps the arithmetic below obvious; the default is 1800 s.
    t = await startTestApp(backend, { STAFF_IDLE_TIMEOUT_SEC: '600' });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function login(staff: StaffFixture): Promise<Pair> {
    const res = await t
      .http()
      .post('/api/admin/auth/login')
      .set('X-Forwarded-For', freshIp())
      .send({ username: staff.username, password: staff.password });
    expect(res.status).toBe(200);
    return res.body.data as Pair;
  }
  const me = (pair: Pair) => t.http().get('/api/admin/me').set('Authorization', `Bearer ${pair.accessToken}`);
  const refresh = (pair: Pair) => t.http().post('/api/admin/auth/refresh').send({ refreshToken: pair.refreshToken });

  it('logout ends that session at once (refresh and access token) and leaves the others alone', async () => {
    const staff = await createStaff(t, { username: 'logout.user', roles: ['grid_leader'] });
    const desk = await login(staff);
    const laptop = await login(staff);
    const res = await t
      .http()
      .post('/api/admin/auth/logout')
      .set('Authorization', `Bearer ${desk.accessToken}`)
      .send({ refreshToken: desk.refreshToken });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ ok: true });

    expect((await me(desk)).status).toBe(401);
    expect((await refresh(desk)).status).toBe(401);
    expect((await me(laptop)).status).toBe(200);
    expect((await refresh(laptop)).status).toBe(200);
    // Someone else's refresh token is ignored (same answer, nothing revoked).
    const other = await createStaff(t, { username: 'bystander', roles: ['grid_worker'] });
    const theirs = await login(other);
    const mine = await login(staff);
    expect(
      (
        await t
          .http()
          .post('/api/admin/auth/logout')
          .set('Authorization', `Bearer ${mine.accessToken}`)
          .send({ refreshToken: theirs.refreshToken })
      ).status,
    ).toBe(200);
    expect((await refresh(theirs)).status).toBe(200);

    expect(
      await (await dataSourceOf(t)).getRepository(AuditLog).countBy({ action: 'auth.logout', actorId: staff.id }),
    ).toBe(2);
  });

  it('logout-all ends every session of the account at once', async () => {
    const staff = await createStaff(t, { username: 'everywhere.user', roles: ['grid_leader'] });
    const a = await login(staff);
    const b = await login(staff);
    const res = await t.http().post('/api/admin/auth/logout-all').set('Authorization', `Bearer ${a.accessToken}`);
    expect(res.status).toBe(200);
    for (const pair of [a, b]) {
      expect((await me(pair)).body.error.code).toBe('AUTH_TOKEN_INVALID');
      expect((await refresh(pair)).status).toBe(401);
    }
    // A new login works.
    expect((await me(await login(staff))).status).toBe(200);
    expect(
      await (await dataSourceOf(t)).getRepository(AuditLog).countBy({ action: 'auth.logout_all', actorId: staff.id }),
    ).toBe(1);
  });

  it('refuses a refresh token unused for longer than STAFF_IDLE_TIMEOUT_SEC with AUTH_SESSION_IDLE', async () => {
    const staff = await createStaff(t, { username: 'idle.user', roles: ['grid_leader'] });
    const sessions = (await dataSourceOf(t)).getRepository(AuthSession);
    const active = await login(staff);
    // Used 9 minutes ago: still inside the 10-minute timeout; the rotation stamps the new token.
    await sessions.update({ subjectId: staff.id }, { lastUsedAt: new Date(Date.now() - 9 * 60_000) });
    const rotated = await refresh(active);
    expect(rotated.status).toBe(200);

    await sessions.update({ subjectId: staff.id }, { lastUsedAt: new Date(Date.now() - 11 * 60_000) });
    const idle = await refresh(rotated.body.data as Pair);
    expect(idle.status).toBe(401);
    expect(idle.body.error).toEqual({ code: 'AUTH_SESSION_IDLE', message: '长时间未操作，请重新登录' });
    // The session is over: its access token too.
    expect((await me(rotated.body.data as Pair)).status).toBe(401);
  });

  it('revokeAllFor (used when an administrator disables an account) refuses existing access tokens at once', async () => {
    const staff = await createStaff(t, { username: 'soon.disabled', roles: ['grid_leader'] });
    const pair = await login(staff);
    expect((await me(pair)).status).toBe(200);
    await (await dataSourceOf(t)).getRepository(StaffUser).update({ id: staff.id }, { status: 'disabled' });
    await (await t.get(SessionService)).revokeAllFor('staff', staff.id);

    expect((await me(pair)).body.error.code).toBe('AUTH_TOKEN_INVALID');
    expect((await refresh(pair)).status).toBe(401);
    const again = await t
      .http()
      .post('/api/admin/auth/login')
      .set('X-Forwarded-For', freshIp())
      .send({ username: staff.username, password: staff.password });
    expect(again.status).toBe(403);
    expect(again.body.error.code).toBe('AUTH_ACCOUNT_DISABLED');
  });

  it('refuses a refresh for a disabled account even without revocation', async () => {
    const staff = await createStaff(t, { username: 'quietly.disabled', roles: ['grid_leader'] });
    const pair = await login(staff);
    await (await dataSourceOf(t)).getRepository(StaffUser).update({ id: staff.id }, { status: 'disabled' });
    const res = await refresh(pair);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('AUTH_ACCOUNT_DISABLED');
  });

  it("records the refresh token's last use at login and at each rotation", async () => {
    const staff = await createStaff(t, { username: 'stamp.user', roles: ['grid_worker'] });
    const before = Date.now() - 2000;
    const pair = await login(staff);
    await refresh(pair);
    const rows = await (await dataSourceOf(t)).getRepository(AuthSession).findBy({ subjectId: staff.id });
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.lastUsedAt?.getTime()).toBeGreaterThanOrEqual(before);
  });
});
