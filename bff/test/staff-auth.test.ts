import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { StaffService } from '../src/modules/staff';
import { verifyPassword, hashPassword } from '../src/modules/staff/password';

const backend = currentBackend();

describe(`staff login on ${backend.name}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
    await (
      await t.get(StaffService)
    ).create({
      username: 'village.admin',
      displayName: '村管理员',
      password: 'Correct-Horse-9',
      roles: ['village_admin'],
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('logs in with the right password and returns the profile', async () => {
    const res = await t
      .http()
      .post('/api/admin/auth/login')
      .send({ username: 'village.admin', password: 'Correct-Horse-9' });
    expect(res.status).toBe(200);
    // village_admin does not require MFA: the session comes at once (town-level roles get an mfaToken).
    expect(res.body.data.mfaRequired).toBe(false);
    expect(res.body.data.user).toMatchObject({
      username: 'village.admin',
      displayName: '村管理员',
      roles: ['village_admin'],
      mustChangePassword: true,
    });
    const me = await t.http().get('/api/admin/me').set('Authorization', `Bearer ${res.body.data.accessToken}`);
    expect(me.body.data.username).toBe('village.admin');
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const wrong = await t
      .http()
      .post('/api/admin/auth/login')
      .send({ username: 'village.admin', password: 'nope-nope-1' });
    const unknown = await t.http().post('/api/admin/auth/login').send({ username: 'ghost', password: 'nope-nope-1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('refreshes a staff session but not with a mini-program refresh endpoint', async () => {
    const login = await t
      .http()
      .post('/api/admin/auth/login')
      .send({ username: 'village.admin', password: 'Correct-Horse-9' });
    const wrongDoor = await t.http().post('/api/mp/auth/refresh').send({ refreshToken: login.body.data.refreshToken });
    expect(wrongDoor.status).toBe(401);
    const ok = await t.http().post('/api/admin/auth/refresh').send({ refreshToken: login.body.data.refreshToken });
    expect(ok.status).toBe(200);
  });
});

describe('password hashing', () => {
  it('stores scrypt parameters and a per-user salt, and verifies only the right password', async () => {
    const a = await hashPassword('Same-Password-1');
    const b = await hashPassword('Same-Password-1');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('Same-Password-1', a)).toBe(true);
    expect(await verifyPassword('same-password-1', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
});
