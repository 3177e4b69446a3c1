import { currentBackend } from './support/backends';
import { devLoginCode, startTestApp, TestApp } from './support/test-app';

const backend = currentBackend();

describe(`mini-program login on ${backend.name}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  const login = (code: string, nickname?: string) =>
    t
      .http()
      .post('/api/mp/auth/login')
      .send(nickname ? { code, nickname } : { code });

  it('creates a resident on first login and returns tokens and the profile', async () => {
    const res = await login(await devLoginCode(t.sim, 'first-login'), '张三');
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 900,
      user: { nickname: '张三', roles: ['resident'], phoneMasked: null },
    });
    const me = await t.http().get('/api/mp/me').set('Authorization', `Bearer ${res.body.data.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body.data).toEqual(res.body.data.user);
  });

  it('finds the same user again on the next login (same openid) and keeps the chosen nickname', async () => {
    const first = await login(await devLoginCode(t.sim, 'returning'), '李四');
    const second = await login(await devLoginCode(t.sim, 'returning'), '别的名字');
    expect(second.body.data.user.id).toBe(first.body.data.user.id);
    expect(second.body.data.user.nickname).toBe('李四');
  });

  it('refuses a reused code with 401 WECHAT_CODE_INVALID', async () => {
    const code = await devLoginCode(t.sim, 'reuse');
    expect((await login(code)).status).toBe(200);
    const again = await login(code);
    expect(again.status).toBe(401);
    expect(again.body.error).toEqual({ code: 'WECHAT_CODE_INVALID', message: '微信登录凭证无效或已过期，请重新登录' });
  });

  it('refuses an expired code (older than 5 minutes) with 401', async () => {
    const code = await devLoginCode(t.sim, 'late');
    t.clock.advance(5 * 60 * 1000 + 1000);
    const res = await login(code);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('WECHAT_CODE_INVALID');
  });

  it('refuses a made-up code with 401', async () => {
    const res = await login('not-a-real-code');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('WECHAT_CODE_INVALID');
  });

  it('answers 503 when WeChat is down, without creating anything', async () => {
    const code = await devLoginCode(t.sim, 'outage');
    await fetch(`${t.sim.url}/__dev/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: '/sns/jscode2session', httpStatus: 502, times: 1 }),
    });
    const res = await login(code);
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('WECHAT_UNAVAILABLE');
  });

  it('updates the nickname and validates it', async () => {
    const { body } = await login(await devLoginCode(t.sim, 'rename'));
    const auth = `Bearer ${body.data.accessToken}`;
    const ok = await t.http().patch('/api/mp/me').set('Authorization', auth).send({ nickname: '新昵称' });
    expect(ok.status).toBe(200);
    expect(ok.body.data.nickname).toBe('新昵称');
    const tooLong = await t
      .http()
      .patch('/api/mp/me')
      .set('Authorization', auth)
      .send({ nickname: 'x'.repeat(21) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details[0].field).toBe('nickname');
  });

  it('rotates refresh tokens and revokes the family when a rotated one is replayed', async () => {
    const { body } = await login(await devLoginCode(t.sim, 'refresh'));
    const first = body.data.refreshToken as string;
    const rotated = await t.http().post('/api/mp/auth/refresh').send({ refreshToken: first });
    expect(rotated.status).toBe(200);
    expect(rotated.body.data.refreshToken).not.toBe(first);

    const replay = await t.http().post('/api/mp/auth/refresh').send({ refreshToken: first });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('AUTH_TOKEN_INVALID');
    // The replay revoked the family, so the legitimately rotated token is dead too.
    const afterTheft = await t
      .http()
      .post('/api/mp/auth/refresh')
      .send({ refreshToken: rotated.body.data.refreshToken });
    expect(afterTheft.status).toBe(401);
  });

  it('refuses a mini-program token on the admin API with 403', async () => {
    const { body } = await login(await devLoginCode(t.sim, 'not-staff'));
    const res = await t.http().get('/api/admin/me').set('Authorization', `Bearer ${body.data.accessToken}`);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });
  it('limits logins per client IP (60/min) with 429 and Retry-After, before calling WeChat', async () => {
    // Forged codes, as an attacker would send them: each admitted one costs a jscode2session call.
    const from = (ip: string) =>
      t.http().post('/api/mp/auth/login').set('X-Forwarded-For', ip).send({ code: 'forged-code' });
    const wechatCallsBefore = t.simRequests.filter((r) => r.path === '/sns/jscode2session').length;
    for (let i = 0; i < 60; i += 1) expect((await from('198.51.100.7')).status).toBe(401);
    const refused = await from('198.51.100.7');
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    // The refused attempt never reached WeChat; another client's budget is its own.
    expect(t.simRequests.filter((r) => r.path === '/sns/jscode2session').length - wechatCallsBefore).toBe(60);
    const other = await login(await devLoginCode(t.sim, 'other-ip'));
    expect(other.status).toBe(200);
  });
});
