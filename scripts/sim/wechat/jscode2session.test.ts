import { CODE_TTL_MS } from './codes';
import { simOpenid, simUnionid } from './identity';
import { APP_A, APP_B, exchange, loginCode, startHarness, type Harness } from './test-helpers';

describe('GET /sns/jscode2session', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.close());

  it('exchanges a fresh code for the deterministic openid and a 16-byte session_key', async () => {
    const dev = await h.post('/__dev/login-code', { appid: APP_A.appid, identity: 'alice' });
    expect(dev.status).toBe(200);
    expect(dev.body.openid).toBe(simOpenid(APP_A.appid, 'alice'));
    expect(dev.body.expires_in).toBe(300);

    const reply = await exchange(h, String(dev.body.code));
    expect(reply.status).toBe(200);
    expect(reply.body.openid).toBe(simOpenid(APP_A.appid, 'alice'));
    expect(Buffer.from(String(reply.body.session_key), 'base64')).toHaveLength(16);
    // No unionid unless the app is bound to an open-platform account, and no errcode on success.
    expect(reply.body).not.toHaveProperty('unionid');
    expect(reply.body).not.toHaveProperty('errcode');
  });

  it('accepts a code only once (40163 on reuse)', async () => {
    const code = await loginCode(h, 'alice');
    expect((await exchange(h, code)).body.openid).toBe(simOpenid(APP_A.appid, 'alice'));
    const again = await exchange(h, code);
    expect(again.status).toBe(200);
    expect(again.body.errcode).toBe(40163);
    expect(again.body.errmsg).toMatch(/^code been used, rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
  });

  it('expires codes after 5 minutes (40029), using the injected clock', async () => {
    const fresh = await loginCode(h, 'alice');
    h.advance(CODE_TTL_MS - 1);
    expect((await exchange(h, fresh)).body.openid).toBe(simOpenid(APP_A.appid, 'alice'));

    const stale = await loginCode(h, 'alice');
    h.advance(CODE_TTL_MS);
    expect((await exchange(h, stale)).body.errcode).toBe(40029);
  });

  it('rejects unknown codes and codes issued to another app with 40029', async () => {
    expect((await exchange(h, 'not-a-real-code')).body.errcode).toBe(40029);
    const codeForB = await loginCode(h, 'alice', APP_B);
    expect((await exchange(h, codeForB, APP_A)).body.errcode).toBe(40029);
    // The failed cross-app attempt must not burn the code for its own app.
    expect((await exchange(h, codeForB, APP_B)).body.openid).toBe(simOpenid(APP_B.appid, 'alice'));
  });

  it('reports missing parameters, bad appid/secret and bad grant_type like WeChat', async () => {
    const code = await loginCode(h, 'alice');
    const call = (query: Record<string, string>) => h.get('/sns/jscode2session', query);
    const full = { appid: APP_A.appid, secret: APP_A.secret, js_code: code, grant_type: 'authorization_code' };

    expect((await call({ ...full, appid: '' })).body.errcode).toBe(41002);
    expect((await call({ appid: APP_A.appid, js_code: code })).body.errcode).toBe(41004);
    expect((await call({ appid: APP_A.appid, secret: APP_A.secret })).body.errcode).toBe(41008);
    expect((await call({ ...full, appid: 'wxunknown' })).body.errcode).toBe(40013);
    expect((await call({ ...full, secret: 'wrong' })).body.errcode).toBe(40125);
    expect((await call({ ...full, grant_type: 'client_credential' })).body.errcode).toBe(40002);
    // None of the failed calls consumed the code.
    expect((await call(full)).body.openid).toBe(simOpenid(APP_A.appid, 'alice'));
  });

  it('reads the query string even on POST, so a form body means "appid missing"', async () => {
    const code = await loginCode(h, 'alice');
    const form = `appid=${APP_A.appid}&secret=${APP_A.secret}&js_code=${code}`;
    expect((await h.post('/sns/jscode2session', form)).body.errcode).toBe(41002);
    const viaQuery = await h.post('/sns/jscode2session', '', {
      appid: APP_A.appid,
      secret: APP_A.secret,
      js_code: code,
      grant_type: 'authorization_code',
    });
    expect(viaQuery.body.openid).toBe(simOpenid(APP_A.appid, 'alice'));
    expect((await h.request('PUT', '/sns/jscode2session')).body.errcode).toBe(43001);
  });

  it('keeps session_key stable between logins and rotates it on a new login', async () => {
    const first = await loginCode(h, 'alice');
    const second = await loginCode(h, 'alice');
    const k1 = (await exchange(h, first)).body.session_key;
    const k2 = (await exchange(h, second)).body.session_key;
    expect(k2).toBe(k1);

    const third = await loginCode(h, 'alice');
    const k3 = (await exchange(h, third)).body.session_key;
    expect(k3).not.toBe(k1);
    // Another user has their own key.
    const bob = (await exchange(h, await loginCode(h, 'bob'))).body.session_key;
    expect(bob).not.toBe(k3);
  });

  it('returns a unionid shared across apps of the same open-platform group', async () => {
    await h.close();
    const u1 = { appid: 'wxu1', secret: 's1', unionGroup: 'zhili' };
    const u2 = { appid: 'wxu2', secret: 's2', unionGroup: 'zhili' };
    h = await startHarness([u1, u2]);
    const r1 = await exchange(h, await loginCode(h, 'carol', u1), u1);
    const r2 = await exchange(h, await loginCode(h, 'carol', u2), u2);
    expect(r1.body.unionid).toBe(simUnionid('zhili', 'carol'));
    expect(r2.body.unionid).toBe(r1.body.unionid);
    expect(r1.body.openid).not.toBe(r2.body.openid);
  });
});
