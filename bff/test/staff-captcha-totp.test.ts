import { HOTP, TOTP, URI } from 'otpauth';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createStaff, dataSourceOf, staffLogin } from './support/staff-fixtures';
import { AuditLog } from '../src/core/audit';

const backend = currentBackend();

let nextIp = 0;
const freshIp = () => `10.4.0.${++nextIp}`;

/** A code of the next time step: valid now (±1 step window) and never used before. */
const nextCode = (totp: TOTP) => totp.generate({ timestamp: Date.now() + totp.period * 1000 });
/** A code the server must refuse (earlier steps are replays anyway; only the next could match). */
const wrongCode = (totp: TOTP) => (nextCode(totp) === '000000' ? '111111' : '000000');

/**
 * The captcha's alternative that does not rely on sight: an account with an authenticator sends its
 * current code with the password instead of reading the image (docs/SECURITY.md).
 */
describe(`staff login: an authenticator code instead of the image captcha on ${backend.name}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  const attempt = (body: Record<string, string>, ip = freshIp()) =>
    t.http().post('/api/admin/auth/login').set('X-Forwarded-For', ip).send(body);

  /** A staff account that turned two-factor authentication on in 账号安全 (optional for its role). */
  async function enrolled(username: string): Promise<{ password: string; totp: TOTP }> {
    const staff = await createStaff(t, { username, roles: ['community_admin'] });
    const token = await staffLogin(t, staff.username);
    const setup = await t.http().get('/api/admin/auth/mfa/setup').set('Authorization', `Bearer ${token}`);
    const totp = URI.parse(setup.body.data.otpauthUrl);
    if (totp instanceof HOTP) throw new Error('expected TOTP');
    const confirm = await t
      .http()
      .post('/api/admin/auth/mfa/setup')
      .set('Authorization', `Bearer ${token}`)
      .send({ code: totp.generate() });
    expect(confirm.status).toBe(200);
    return { password: staff.password, totp };
  }

  async function failTimes(username: string, n: number): Promise<void> {
    for (let i = 0; i < n; i += 1)
      expect((await attempt({ username, password: 'Wrong-Pass-000' })).body.error.code).toBe(
        'AUTH_INVALID_CREDENTIALS',
      );
  }

  it('lets an account past the captcha with its current code, signed in at once; a code works once', async () => {
    const { password, totp } = await enrolled('code.instead');
    await failTimes('code.instead', 3);
    const ip = freshIp();
    expect((await attempt({ username: 'code.instead', password }, ip)).body.error.code).toBe('AUTH_CAPTCHA_REQUIRED');

    const code = nextCode(totp);
    const res = await attempt({ username: 'code.instead', password, totpCode: code }, ip);
    expect(res.status).toBe(200);
    // Password and code are both factors: no second step, a session right away.
    expect(res.body.data).toMatchObject({ mfaRequired: false, accessToken: expect.any(String) });
    expect(res.body.data.user).toMatchObject({ username: 'code.instead', mfaEnabled: true });
    const audit = (await dataSourceOf(t)).getRepository(AuditLog);
    const success = await audit.findBy({ action: 'auth.login', result: 'success', actorName: 'code.instead' });
    expect(success.map((row) => row.detail)).toContainEqual(expect.stringContaining('password_totp'));

    // The same code again (a replay) is refused like any wrong answer.
    const replay = await attempt({ username: 'code.instead', password, totpCode: code });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('answers a wrong password and a wrong code alike, and counts both toward the lock', async () => {
    const { password, totp } = await enrolled('code.guess');
    const badPassword = await attempt({ username: 'code.guess', password: 'Wrong-Pass-000', totpCode: nextCode(totp) });
    const badCode = await attempt({ username: 'code.guess', password, totpCode: wrongCode(totp) });
    expect(badPassword.status).toBe(401);
    expect(badCode.status).toBe(401);
    // Nothing tells which half was right.
    expect(badCode.body).toEqual(badPassword.body);
    expect(badCode.body.error.code).toBe('AUTH_INVALID_CREDENTIALS');

    // The code path is no way around the failure count: 5 failures lock, even the right pair then.
    for (let i = 0; i < 2; i += 1)
      expect((await attempt({ username: 'code.guess', password, totpCode: wrongCode(totp) })).status).toBe(401);
    const fifth = await attempt({ username: 'code.guess', password, totpCode: wrongCode(totp) });
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.code).toBe('AUTH_ACCOUNT_LOCKED');
    expect((await attempt({ username: 'code.guess', password, totpCode: nextCode(totp) })).status).toBe(423);

    const failures = await (
      await dataSourceOf(t)
    )
      .getRepository(AuditLog)
      .findBy({ action: 'auth.login', result: 'failure', actorName: 'code.guess' });
    expect(failures.map((row) => row.detail)).toContainEqual(expect.stringContaining('bad_code'));
  });

  it('gives accounts without an authenticator, and unknown names, no way past the captcha with a code', async () => {
    const plain = await createStaff(t, { username: 'no.authenticator', roles: ['community_admin'] });
    await failTimes(plain.username, 3);
    const withCode = await attempt({ username: plain.username, password: plain.password, totpCode: '123456' });
    expect(withCode.status).toBe(401);
    expect(withCode.body.error.code).toBe('AUTH_INVALID_CREDENTIALS');
    const unknown = await attempt({ username: 'nobody.at.all', password: plain.password, totpCode: '123456' });
    expect(unknown.body).toEqual(withCode.body);
    // The captcha is still what it asks for without a code.
    expect((await attempt({ username: plain.username, password: plain.password })).body.error.code).toBe(
      'AUTH_CAPTCHA_REQUIRED',
    );
  });
});
