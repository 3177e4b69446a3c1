// Request signatures are checked as WeChat Pay does; every answer is signed with the platform key.
import { authHeader, call, MERCHANT, orderBody, startSim, verifyWechatpaySignature } from './test-helpers';
import { rsaKeyPair } from './keys';
import type { WechatPaySim } from './types';

describe('wechatpay-sim request signatures', () => {
  let sim: WechatPaySim;
  beforeAll(async () => {
    sim = await startSim('publicKey');
  });
  afterAll(() => sim.close());

  const target = '/v3/pay/transactions/jsapi';

  it('serves a correctly signed request and signs its answer with the platform key', async () => {
    const answer = await call(sim, 'POST', target, orderBody('https://example.test/notify'));
    expect(answer.status).toBe(200);
    expect(answer.json.prepay_id).toMatch(/^wx\d{14}[0-9a-f]+$/);
    expect(answer.headers.get('wechatpay-serial')).toBe(sim.platform().serial);
    expect(sim.platform().serial).toMatch(/^PUB_KEY_ID_\d{28}$/);
    expect(verifyWechatpaySignature(answer.headers, answer.text, sim.platform().publicKeyPem)).toBe(true);
    expect(verifyWechatpaySignature(answer.headers, `${answer.text} `, sim.platform().publicKeyPem)).toBe(false);
  });

  it('refuses a body changed after signing with 401 SIGN_ERROR, signed too', async () => {
    const body = JSON.stringify(orderBody('https://example.test/notify'));
    const auth = authHeader('POST', target, body);
    const tampered = body.replace('"total":1250', '"total":1');
    const answer = await call(sim, 'POST', target, tampered, auth);
    expect(answer.status).toBe(401);
    expect(answer.json.code).toBe('SIGN_ERROR');
    expect(verifyWechatpaySignature(answer.headers, answer.text, sim.platform().publicKeyPem)).toBe(true);
    expect(sim.orders()).toHaveLength(1);
  });

  it('refuses a missing header, another key, a wrong serial and a stale timestamp', async () => {
    const body = JSON.stringify(orderBody('https://example.test/notify'));
    const missing = await call(sim, 'POST', target, body, null);
    const otherKey = await call(
      sim,
      'POST',
      target,
      body,
      authHeader('POST', target, body, { key: rsaKeyPair().privateKeyPem }),
    );
    const wrongSerial = await call(
      sim,
      'POST',
      target,
      body,
      authHeader('POST', target, body).replace(MERCHANT.serialNo, '1'.repeat(40)),
    );
    const stale = await call(
      sim,
      'POST',
      target,
      body,
      authHeader('POST', target, body, { timestamp: Math.floor(Date.now() / 1000) - 301 }),
    );
    for (const answer of [missing, otherKey, wrongSerial, stale]) {
      expect(answer.status).toBe(401);
      expect(answer.json.code).toBe('SIGN_ERROR');
    }
    expect(stale.json.message).toContain('时间戳');
    expect(sim.orders()).toHaveLength(1);
  });

  it('signs the query string of GET requests', async () => {
    const outTradeNo = (sim.orders()[0] ?? { outTradeNo: 'x' }).outTradeNo;
    const good = `/v3/pay/transactions/out-trade-no/${outTradeNo}?mchid=${MERCHANT.mchid}`;
    const auth = authHeader('GET', good, '');
    expect((await call(sim, 'GET', good, undefined, auth)).status).toBe(200);
    const other = await call(
      sim,
      'GET',
      `/v3/pay/transactions/out-trade-no/${outTradeNo}?mchid=1900000110`,
      undefined,
      auth,
    );
    expect(other.status).toBe(401);
  });

  it('answers a malformed path parameter with 400 PARAM_ERROR, not 500', async () => {
    const answer = await call(sim, 'GET', `/v3/pay/transactions/out-trade-no/%E0%A4%A?mchid=${MERCHANT.mchid}`);
    expect(answer).toMatchObject({ status: 400, json: { code: 'PARAM_ERROR' } });
  });

  it('answers unknown paths with 404 NOT_FOUND and logs every request', async () => {
    const answer = await call(sim, 'GET', '/v3/pay/transactions/nothing');
    expect(answer.status).toBe(404);
    expect(answer.json.code).toBe('NOT_FOUND');
    expect(sim.requests().map((r) => r.status)).toEqual(expect.arrayContaining([200, 401, 404]));
  });
});
