// JSAPI ordering, query, close and the dev "user pays / cancels" actions.
import { PREPAY_TTL_MS } from './routes-pay';
import { authHeader, call, dev, MERCHANT, orderBody, startSim } from './test-helpers';
import type { WechatPaySim } from './types';

const JSAPI = '/v3/pay/transactions/jsapi';
const query = (no: string): string => `/v3/pay/transactions/out-trade-no/${no}?mchid=${MERCHANT.mchid}`;

describe('wechatpay-sim orders', () => {
  let sim: WechatPaySim;
  beforeAll(async () => {
    sim = await startSim('publicKey');
  });
  afterAll(() => sim.close());

  it('gives the same prepay_id for the same body and refuses another body under the same out_trade_no', async () => {
    const body = orderBody('https://example.test/notify');
    const first = await call(sim, 'POST', JSAPI, body);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await call(sim, 'POST', JSAPI, reordered);
    expect(first.status).toBe(200);
    expect(again.json.prepay_id).toBe(first.json.prepay_id);
    const other = await call(sim, 'POST', JSAPI, { ...body, amount: { total: 1, currency: 'CNY' } });
    expect(other.status).toBe(400);
    expect(other.json).toMatchObject({ code: 'INVALID_REQUEST', message: '201 商户订单号重复' });
  });

  it.each([
    ['amount.total 0', 'PARAM_ERROR', { amount: { total: 0 } }],
    ['amount.total 12.5', 'PARAM_ERROR', { amount: { total: 12.5 } }],
    ['missing payer', 'PARAM_ERROR', { payer: undefined }],
    ['empty description', 'PARAM_ERROR', { description: '' }],
    ['notify_url not http(s)', 'PARAM_ERROR', { notify_url: 'ftp://x/y' }],
    ['out_trade_no too short', 'PARAM_ERROR', { out_trade_no: 'A1' }],
    ['appid of another merchant', 'APPID_MCHID_NOT_MATCH', { appid: 'wx0000000000000000' }],
    ['mchid not the signer', 'MCH_NOT_EXISTS', { mchid: '1900000110' }],
  ])('refuses %s with 400 %s', async (_name, code, override) => {
    const answer = await call(sim, 'POST', JSAPI, orderBody('https://example.test/notify', override));
    expect(answer.status).toBe(400);
    expect(answer.json.code).toBe(code);
  });

  it('refuses a body that is not JSON', async () => {
    const answer = await call(sim, 'POST', JSAPI, '{not json');
    expect(answer).toMatchObject({ status: 400, json: { code: 'PARAM_ERROR' } });
  });

  it('reports NOTPAY, then SUCCESS after the user pays, and ORDERPAID for close and a new order', async () => {
    const body = orderBody('https://example.test/notify');
    const created = await call(sim, 'POST', JSAPI, body);
    const no = String(body.out_trade_no);
    expect((await call(sim, 'GET', query(no))).json).toMatchObject({
      trade_state: 'NOTPAY',
      out_trade_no: no,
      amount: { total: 1250 },
    });
    const paid = await dev(sim, 'POST', '/__dev/pay', { prepay_id: created.json.prepay_id, notify: false });
    expect(paid.status).toBe(200);
    const after = await call(sim, 'GET', query(no));
    expect(after.json).toMatchObject({
      trade_state: 'SUCCESS',
      trade_type: 'JSAPI',
      appid: MERCHANT.appid,
      mchid: MERCHANT.mchid,
      attach: 'bill:42',
      payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
      amount: { total: 1250, payer_total: 1250, currency: 'CNY' },
    });
    expect(after.json.transaction_id).toMatch(/^4200\d{24}$/);
    expect(after.json.success_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    const byId = await call(
      sim,
      'GET',
      `/v3/pay/transactions/id/${String(after.json.transaction_id)}?mchid=${MERCHANT.mchid}`,
    );
    expect(byId.json.out_trade_no).toBe(no);
    const close = await call(sim, 'POST', `/v3/pay/transactions/out-trade-no/${no}/close`, { mchid: MERCHANT.mchid });
    expect(close).toMatchObject({ status: 400, json: { code: 'ORDERPAID' } });
    expect((await call(sim, 'POST', JSAPI, body)).json.code).toBe('ORDERPAID');
    expect((await dev(sim, 'POST', '/__dev/pay', { prepay_id: created.json.prepay_id })).status).toBe(409);
    expect(sim.notifications()).toHaveLength(0);
  });

  it('closes an unpaid order (204) after which it cannot be paid or re-ordered', async () => {
    const body = orderBody('https://example.test/notify');
    const created = await call(sim, 'POST', JSAPI, body);
    const no = String(body.out_trade_no);
    const close = await call(sim, 'POST', `/v3/pay/transactions/out-trade-no/${no}/close`, { mchid: MERCHANT.mchid });
    expect(close.status).toBe(204);
    expect(close.text).toBe('');
    expect((await call(sim, 'GET', query(no))).json.trade_state).toBe('CLOSED');
    const pay = await dev(sim, 'POST', '/__dev/pay', { prepay_id: created.json.prepay_id });
    expect(pay).toMatchObject({ status: 409, json: { error: { code: 'ORDER_CLOSED' } } });
    expect((await call(sim, 'POST', JSAPI, body)).json.code).toBe('ORDER_CLOSED');
  });

  it('issues a new prepay_id for the same body after 2 hours; the old one no longer pays', async () => {
    let clock = Date.now();
    const timed = await startSim('publicKey', { now: () => clock });
    try {
      const body = orderBody('https://example.test/notify');
      const first = await call(timed, 'POST', JSAPI, body);
      clock += PREPAY_TTL_MS + 1000;
      // Requests are signed with the merchant's clock, which moved too.
      const auth = authHeader('POST', JSAPI, JSON.stringify(body), { timestamp: Math.floor(clock / 1000) });
      const second = await call(timed, 'POST', JSAPI, body, auth);
      expect(second.status).toBe(200);
      expect(second.json.prepay_id).not.toBe(first.json.prepay_id);
      const old = await dev(timed, 'POST', '/__dev/pay', { prepay_id: first.json.prepay_id, notify: false });
      expect(old).toMatchObject({ status: 409, json: { error: { code: 'PREPAY_EXPIRED' } } });
      const fresh = await dev(timed, 'POST', '/__dev/pay', { prepay_id: second.json.prepay_id, notify: false });
      expect(fresh.status).toBe(200);
    } finally {
      await timed.close();
    }
  });

  it('answers bad dev bodies with 4xx, whatever fields they carry', async () => {
    const body = orderBody('https://example.test/notify');
    const created = await call(sim, 'POST', JSAPI, body);
    expect((await dev(sim, 'POST', '/__dev/pay', '[]')).status).toBe(400);
    expect((await dev(sim, 'POST', '/__dev/cancel', '{bad')).status).toBe(400);
    expect((await dev(sim, 'POST', '/__dev/pay', { prepay_id: 'wx-nope', status: 1 })).status).toBe(404);
    expect(
      (await dev(sim, 'POST', '/__dev/probe', { kind: 'duplicate', prepay_id: created.json.prepay_id, status: 1 }))
        .status,
    ).toBe(409);
    expect((await dev(sim, 'GET', '/__dev/pay')).status).toBe(405);
    expect((await dev(sim, 'GET', '/__dev/nothing')).status).toBe(404);
    expect((await dev(sim, 'POST', '/__dev/request-payment', { status: 1 })).status).toBe(400);
  });

  it('keeps a cancelled order NOTPAY and 404s unknown orders', async () => {
    const body = orderBody('https://example.test/notify');
    const created = await call(sim, 'POST', JSAPI, body);
    expect((await dev(sim, 'POST', '/__dev/cancel', { prepay_id: created.json.prepay_id })).status).toBe(200);
    expect((await call(sim, 'GET', query(String(body.out_trade_no)))).json.trade_state).toBe('NOTPAY');
    const missing = await call(sim, 'GET', query('NOSUCHORDER1'));
    expect(missing).toMatchObject({ status: 404, json: { code: 'ORDER_NOT_EXIST' } });
    const noMchid = await call(sim, 'GET', `/v3/pay/transactions/out-trade-no/${String(body.out_trade_no)}`);
    expect(noMchid).toMatchObject({ status: 400, json: { code: 'PARAM_ERROR' } });
  });

  it('serves a payment page with the amount and description, and says when an order cannot be paid', async () => {
    const body = orderBody('https://example.test/notify', { description: '党费 <2026年12月>' });
    const created = await call(sim, 'POST', JSAPI, body);
    const page = await dev(sim, 'GET', `/__dev/pay-page?prepay_id=${String(created.json.prepay_id)}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('¥12.50');
    expect(page.text).toContain('党费 &lt;2026年12月&gt;');
    expect(page.text).toContain('确认支付');
    expect(page.text).toContain('取消');
    await dev(sim, 'POST', '/__dev/pay', { out_trade_no: body.out_trade_no, notify: false });
    const paidPage = await dev(sim, 'GET', `/__dev/pay-page?prepay_id=${String(created.json.prepay_id)}`);
    expect(paidPage.text).toContain('该订单已支付');
    expect(paidPage.text).not.toContain('id="pay"');
    expect((await dev(sim, 'GET', '/__dev/pay-page?prepay_id=wx000')).status).toBe(404);
  });
});
