import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { devPhoneCode, mpLogin, MpFixture } from './support/mp-fixtures';
import { dataSourceOf } from './support/staff-fixtures';
import { PiiCipher } from '../src/core/crypto/pii-cipher';
import { AuditLog } from '../src/core/audit';

const backend = currentBackend();

describe(`mini-program phone binding on ${backend.name}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  const bind = (user: MpFixture, code: string) =>
    t.http().post('/api/mp/me/phone').set('Authorization', user.auth).send({ code });

  it('binds the WeChat-verified number and only ever answers it masked', async () => {
    const user = await mpLogin(t, 'phone-ok');
    const res = await bind(user, await devPhoneCode(t.sim, '13812345678'));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: user.id, phoneMasked: '138****5678', roles: ['resident'], region: null });

    const me = await t.http().get('/api/mp/me').set('Authorization', user.auth);
    expect(me.body.data.phoneMasked).toBe('138****5678');
    const again = await mpLogin(t, 'phone-ok');
    const login = await t.http().get('/api/mp/me').set('Authorization', again.auth);
    expect(login.body.data.phoneMasked).toBe('138****5678');
    for (const body of [res.body, me.body, login.body]) expect(JSON.stringify(body)).not.toContain('12345678');
  });

  it('stores no plaintext: the row holds ciphertext, key id and keyed hash only', async () => {
    const user = await mpLogin(t, 'phone-db');
    expect((await bind(user, await devPhoneCode(t.sim, '13987654321'))).status).toBe(200);
    const ds = await dataSourceOf(t);
    const [row] = (await ds.query('SELECT * FROM mp_user WHERE id = ?', [user.id])) as Record<string, unknown>[];
    const text = JSON.stringify(row);
    expect(text).not.toContain('13987654321');
    expect(text).not.toContain('87654321');
    const cipher = await t.get(PiiCipher);
    expect(row.phone_key_id).toBe('k1');
    expect(row.phone_hash).toBe(cipher.hash('13987654321'));
    expect(cipher.decrypt(String(row.phone_cipher), 'k1')).toBe('13987654321');
    // Exact lookup without decrypting anything.
    const found = (await ds.query('SELECT id FROM mp_user WHERE phone_hash = ?', [cipher.hash('13987654321')])) as {
      id: string;
    }[];
    expect(found.map((r) => r.id)).toEqual([user.id]);
  });

  it('replaces the number when the user binds another one, and audits the change masked', async () => {
    const user = await mpLogin(t, 'phone-change');
    await bind(user, await devPhoneCode(t.sim, '13800000001'));
    const res = await bind(user, await devPhoneCode(t.sim, '13900000002'));
    expect(res.body.data.phoneMasked).toBe('139****0002');
    const records = await (
      await dataSourceOf(t)
    )
      .getRepository(AuditLog)
      .findBy({ action: 'mp.phone.bind', resourceId: user.id });
    expect(records.map((r) => JSON.parse(r.detail ?? '{}').phone)).toEqual(['138****0001', '139****0002']);
    expect(records.every((r) => r.actorKind === 'mp' && r.actorId === user.id && r.result === 'success')).toBe(true);
  });

  it('refuses a used, an expired and a made-up code with 400 WECHAT_PHONE_CODE_INVALID (not a login error)', async () => {
    const user = await mpLogin(t, 'phone-bad');
    const code = await devPhoneCode(t.sim, '13812340000');
    expect((await bind(user, code)).status).toBe(200);
    const reused = await bind(user, code);
    expect(reused.status).toBe(400);
    expect(reused.body.error).toEqual({ code: 'WECHAT_PHONE_CODE_INVALID', message: '手机号授权已失效，请重新授权' });

    const late = await devPhoneCode(t.sim, '13812340001');
    t.clock.advance(5 * 60 * 1000 + 1000);
    expect((await bind(user, late)).body.error.code).toBe('WECHAT_PHONE_CODE_INVALID');
    expect((await bind(user, 'made-up-code')).body.error.code).toBe('WECHAT_PHONE_CODE_INVALID');
    expect((await bind(user, '')).status).toBe(400);
    // Still the number of the successful binding.
    const me = await t.http().get('/api/mp/me').set('Authorization', user.auth);
    expect(me.body.data.phoneMasked).toBe('138****0000');
  });

  it('refuses numbers outside mainland China', async () => {
    const user = await mpLogin(t, 'phone-hk');
    const res = await bind(user, await devPhoneCode(t.sim, '91234567', '852'));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: '仅支持绑定中国大陆手机号' });
    expect((await t.http().get('/api/mp/me').set('Authorization', user.auth)).body.data.phoneMasked).toBeNull();
  });

  it('answers 503 when WeChat is down and keeps nothing', async () => {
    const user = await mpLogin(t, 'phone-outage');
    const code = await devPhoneCode(t.sim, '13812349999');
    await fetch(`${t.sim.url}/__dev/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: '/wxa/business/getuserphonenumber', httpStatus: 502, times: 1 }),
    });
    const res = await bind(user, code);
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('WECHAT_UNAVAILABLE');
  });

  it('limits attempts per user (10 an hour) with 429 RATE_LIMITED', async () => {
    const user = await mpLogin(t, 'phone-flood');
    for (let i = 0; i < 10; i += 1) expect((await bind(user, `bogus-${i}`)).status).toBe(400);
    const limited = await bind(user, await devPhoneCode(t.sim, '13812348888'));
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
  });

  it('needs a mini-program token', async () => {
    expect((await t.http().post('/api/mp/me/phone').send({ code: 'x' })).status).toBe(401);
  });
});
