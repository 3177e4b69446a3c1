// Several merchants on one simulator: each sees only its own orders, and bad configuration fails fast.
import { buildAuthorization } from './crypto';
import { generateMerchantCredentials } from './keys';
import { startWechatPaySim } from './server';
import { call, MERCHANT, orderBody } from './test-helpers';

describe('wechatpay-sim merchants', () => {
  const other = generateMerchantCredentials('1900000222', 'wx2222222222222222');

  it('keeps each merchant to its own orders', async () => {
    const sim = await startWechatPaySim({
      merchants: [MERCHANT, other].map((m) => ({
        mchid: m.mchid,
        appids: [m.appid],
        apiCertPem: m.certPem,
        apiV3Key: m.apiV3Key,
      })),
    });
    try {
      const body = orderBody('https://example.test/notify');
      expect((await call(sim, 'POST', '/v3/pay/transactions/jsapi', body)).status).toBe(200);
      const target = `/v3/pay/transactions/out-trade-no/${String(body.out_trade_no)}?mchid=${other.mchid}`;
      const auth = buildAuthorization({
        mchid: other.mchid,
        serialNo: other.serialNo,
        privateKeyPem: other.privateKeyPem,
        method: 'GET',
        target,
        body: '',
      });
      const answer = await call(sim, 'GET', target, undefined, auth);
      expect(answer).toMatchObject({ status: 404, json: { code: 'ORDER_NOT_EXIST' } });
      // The other merchant's key cannot sign for the first merchant.
      const borrowed = auth.replace(`mchid="${other.mchid}"`, `mchid="${MERCHANT.mchid}"`);
      expect((await call(sim, 'GET', target, undefined, borrowed)).status).toBe(401);
    } finally {
      await sim.close();
    }
  });

  it.each([
    [{ mchid: 'abc' }, /8-10 digits/],
    [{ apiV3Key: 'short' }, /32 bytes/],
    [{ appids: [] }, /no appid/],
    [{ apiCertPem: undefined }, /apiCertPem/],
  ])('refuses merchant config %j', async (override, message) => {
    const merchant = {
      mchid: MERCHANT.mchid,
      appids: [MERCHANT.appid],
      apiCertPem: MERCHANT.certPem,
      apiV3Key: MERCHANT.apiV3Key,
    };
    await expect(startWechatPaySim({ merchants: [{ ...merchant, ...override }] })).rejects.toThrow(message);
  });

  it('needs at least one merchant', async () => {
    await expect(startWechatPaySim({ merchants: [] })).rejects.toThrow(/at least one merchant/);
  });
});
