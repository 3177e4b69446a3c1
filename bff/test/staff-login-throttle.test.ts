import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createStaff, dataSourceOf } from './support/staff-fixtures';
import { InfraService } from '../src/core/infra/infra.service';
import { AuditLog } from '../src/core/audit';

const backend = currentBackend();

let nextIp = 0;
const freshIp = () => `10.2.0.${++nextIp}`;

interface Attempt {
  username: string;
  password: string;
  captchaId?: string;
  captchaText?: string;
}

describe(`staff login failures on ${backend.name}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  const attempt = (body: Attempt, ip: string) =>
    t.http().post('/api/admin/auth/login').set('X-Forwarded-For', ip).send(body);

  /** A captcha and its text (read from the shared cache, as only the server knows it). */
  async function captcha(ip: string): Promise<{ captchaId: string; text: string; image: string }> {
    const res = await t.http().get('/api/admin/auth/captcha').set('X-Forwarded-For', ip);
    expect(res.status).toBe(200);
    const { captchaId, image } = res.body.data as { captchaId: string; image: string };
    const text = await (await t.get(InfraService)).infra.cache.get(`auth:captcha:${captchaId}`);
    if (!text) throw new Error('captcha text not in the cache');
    return { captchaId, text, image };
  }

  /** Fails `n` times for `username`, each from a different IP (so only the username counts). */
  async function failTimes(username: string, n: number): Promise<void> {
    for (let i = 0; i < n; i += 1) {
      const ip = freshIp();
      const c = i >= 3 ? await captcha(ip) : null;
      const res = await attempt(
        { username, password: 'Wrong-Pass-000', ...(c ? { captchaId: c.captchaId, captchaText: c.text } : {}) },
        ip,
      );
      expect([401, 423]).toContain(res.status);
    }
  }

  it('requires a captcha after 3 failures; a wrong text is refused and every captcha is single-use', async () => {
    const staff = await createStaff(t, { username: 'captcha.user', roles: ['community_admin'] });
    await failTimes(staff.username, 3);
    const ip = freshIp();
    const withoutCaptcha = await attempt({ username: staff.username, password: staff.password }, ip);
    expect(withoutCaptcha.status).toBe(401);
    expect(withoutCaptcha.body.error).toEqual({ code: 'AUTH_CAPTCHA_REQUIRED', message: '请输入图形验证码' });

    const first = await captcha(ip);
    expect(first.image).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    const wrongText = await attempt(
      { username: staff.username, password: staff.password, captchaId: first.captchaId, captchaText: 'zzzz' },
      ip,
    );
    expect(wrongText.status).toBe(401);
    expect(wrongText.body.error.code).toBe('AUTH_CAPTCHA_INVALID');
    // The same captcha, now with the right text: already spent.
    const spent = await attempt(
      { username: staff.username, password: staff.password, captchaId: first.captchaId, captchaText: first.text },
      ip,
    );
    expect(spent.body.error.code).toBe('AUTH_CAPTCHA_INVALID');

    // A fresh one, typed in upper case (case-insensitive), lets the right password in.
    const second = await captcha(ip);
    const ok = await attempt(
      {
        username: staff.username,
        password: staff.password,
        captchaId: second.captchaId,
        captchaText: second.text.toUpperCase(),
      },
      ip,
    );
    expect(ok.status).toBe(200);
    // A complete login resets the username's counter: no captcha next time (from a clean IP).
    expect((await attempt({ username: staff.username, password: staff.password }, freshIp())).status).toBe(200);

    const failures = await (
      await dataSourceOf(t)
    )
      .getRepository(AuditLog)
      .findBy({ action: 'auth.captcha', result: 'failure' });
    expect(failures.length).toBeGreaterThanOrEqual(2);
  });

  it('locks the account after 5 failures: even the right password (with a valid captcha) gets 423', async () => {
    const staff = await createStaff(t, { username: 'lock.user', roles: ['community_admin'] });
    await failTimes(staff.username, 4);
    const ip = freshIp();
    const c = await captcha(ip);
    const fifth = await attempt(
      { username: staff.username, password: 'Wrong-Pass-000', captchaId: c.captchaId, captchaText: c.text },
      ip,
    );
    expect(fifth.status).toBe(423);
    expect(fifth.body.error).toEqual({
      code: 'AUTH_ACCOUNT_LOCKED',
      message: '登录失败次数过多，账号已临时锁定，请稍后再试',
    });

    const c2 = await captcha(ip);
    const right = await attempt(
      { username: staff.username, password: staff.password, captchaId: c2.captchaId, captchaText: c2.text },
      ip,
    );
    expect(right.status).toBe(423);
    expect(right.body.error.code).toBe('AUTH_ACCOUNT_LOCKED');
    // The lock ignores the case of the name (MariaDB compares usernames case-insensitively).
    expect((await attempt({ username: 'LOCK.USER', password: staff.password }, freshIp())).status).toBe(423);

    const audit = (await dataSourceOf(t)).getRepository(AuditLog);
    const lockouts = await audit.findBy({ action: 'auth.lockout', actorName: staff.username });
    expect(lockouts).toHaveLength(1);
    expect(lockouts[0].actorId).toBe(staff.id);
    const failures = await audit.findBy({ action: 'auth.login', result: 'failure', actorName: staff.username });
    expect(failures).toHaveLength(5);
    for (const row of failures) expect(row.detail ?? '').not.toContain('Wrong-Pass');
  });

  it('answers unknown usernames exactly like known ones, failure after failure until the lock', async () => {
    await createStaff(t, { username: 'known.user', roles: ['community_admin'] });
    const answers = async (username: string) => {
      const seen: unknown[] = [];
      for (let i = 0; i < 7; i += 1) {
        const ip = freshIp();
        const c = i >= 3 ? await captcha(ip) : null;
        const res = await attempt(
          { username, password: 'Wrong-Pass-000', ...(c ? { captchaId: c.captchaId, captchaText: c.text } : {}) },
          ip,
        );
        seen.push({ status: res.status, body: res.body });
        if (i === 3) seen.push((await attempt({ username, password: 'Wrong-Pass-000' }, freshIp())).body);
      }
      return seen;
    };
    const known = await answers('known.user');
    const unknown = await answers('nobody.here');
    expect(unknown).toEqual(known);
    expect(known.map((a) => (a as { status?: number }).status).filter(Boolean)).toEqual([
      401, 401, 401, 401, 423, 423, 423,
    ]);

    // The audit trail names the attempted user; an unknown one has no actor id.
    const rows = await (
      await dataSourceOf(t)
    )
      .getRepository(AuditLog)
      .findBy({ action: 'auth.login', actorName: 'nobody.here' });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows)
      expect(row).toMatchObject({ actorId: null, actorKind: null, result: expect.stringMatching(/failure|denied/) });
  });

  it('requires a captcha from an IP with 3 failures, whatever username it tries next', async () => {
    const staff = await createStaff(t, { username: 'ip.victim', roles: ['community_admin'] });
    const ip = freshIp();
    for (const name of ['spray.a', 'spray.b', 'spray.c']) {
      expect((await attempt({ username: name, password: 'Wrong-Pass-000' }, ip)).body.error.code).toBe(
        'AUTH_INVALID_CREDENTIALS',
      );
    }
    expect((await attempt({ username: staff.username, password: staff.password }, ip)).body.error.code).toBe(
      'AUTH_CAPTCHA_REQUIRED',
    );
    // The same account from another address is not affected.
    expect((await attempt({ username: staff.username, password: staff.password }, freshIp())).status).toBe(200);
  });

  it('rate-limits login attempts per IP: the 21st within a minute is 429 RATE_LIMITED', async () => {
    const staff = await createStaff(t, { username: 'busy.user', roles: ['community_admin'] });
    const ip = freshIp();
    for (let i = 0; i < 20; i += 1) {
      expect((await attempt({ username: staff.username, password: staff.password }, ip)).status).toBe(200);
    }
    const limited = await attempt({ username: staff.username, password: staff.password }, ip);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await attempt({ username: staff.username, password: staff.password }, freshIp())).status).toBe(200);
  });

  it('serializes parallel guesses on one username: a burst cannot get past the lock', async () => {
    const staff = await createStaff(t, { username: 'burst.user', roles: ['community_admin'] });
    const c = await Promise.all(Array.from({ length: 8 }, () => captcha(freshIp())));
    // Every guess carries a valid captcha, so only the lock can stop them.
    const results = await Promise.all(
      c.map((one) =>
        attempt(
          { username: staff.username, password: 'Wrong-Pass-000', captchaId: one.captchaId, captchaText: one.text },
          freshIp(),
        ),
      ),
    );
    const codes = results.map((r) => r.body.error?.code).sort();
    // Checked one at a time: four 401s, the fifth locks, the rest meet the lock.
    expect(codes).toEqual([...Array(4).fill('AUTH_ACCOUNT_LOCKED'), ...Array(4).fill('AUTH_INVALID_CREDENTIALS')]);
    expect((await attempt({ username: staff.username, password: staff.password }, freshIp())).status).toBe(423);
  });
});
