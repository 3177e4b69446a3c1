// The WeChat Pay client and notification parser against the real simulator, in both key modes:
// order → pay → notification accepted; every probe refused with its reason; answers checked; query, close,
// refund, trade bill.
import { beijingDate } from '../../scripts/sim/wechatpay/ids';
import type { Receiver } from '../../scripts/sim/wechatpay/test-helpers';
import { parsePaymentNotification, parseRefundNotification } from '../src/modules/dues/pay/notification';
import {
  WechatPayApiError,
  WechatPayBillHashError,
  WechatPayNetworkError,
  WechatPaySignatureError,
} from '../src/modules/dues/pay/wechat-pay-errors';
import type { WechatPayClient } from '../src/modules/dues/pay/wechat-pay.client';
import { clientFor, dev, startReceiver, startSim, tradeNo, type KeyMode, type WechatPaySim } from './dues-pay-harness';

const OPENID = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';

/** A fetch that lets a test change an answer's body on its way to the client (a man in the middle). */
function tamperingFetch(match: (url: string) => boolean, change: (body: string) => string): typeof fetch {
  return async (input, init) => {
    const res = await fetch(input, init);
    const url = String(input);
    if (!match(url)) return res;
    const text = change(await res.text());
    return new Response(text, { status: res.status, headers: res.headers });
  };
}

describe.each<KeyMode>(['publicKey', 'platformCert'])('WeChat Pay client, %s mode', (mode) => {
  let sim: WechatPaySim;
  let receiver: Receiver;
  let client: WechatPayClient;

  beforeAll(async () => {
    sim = await startSim(mode);
    receiver = await startReceiver();
    client = clientFor(sim, receiver.url);
  });
  afterAll(async () => {
    await sim.settled();
    await receiver.close();
    await sim.close();
  });

  async function paidOrder(amountFen = 150) {
    const outTradeNo = tradeNo();
    const prepayId = await client.createJsapiOrder({
      outTradeNo,
      description: '党费 2026年12月',
      amountFen,
      openid: OPENID,
      attach: 'bill:7',
      expiresAt: new Date(Date.now() + 30 * 60_000),
    });
    const before = receiver.received.length;
    expect((await dev(sim, 'POST', '/__dev/pay', { prepay_id: prepayId })).status).toBe(200);
    const received = await receiver.waitFor(before + 1);
    return { outTradeNo, prepayId, notification: received[before] };
  }

  it('creates an order whose requestPayment parameters WeChat accepts, and accepts the genuine notification', async () => {
    const outTradeNo = tradeNo();
    const prepayId = await client.createJsapiOrder({
      outTradeNo,
      description: '党费',
      amountFen: 150,
      openid: OPENID,
      attach: 'bill:7',
    });
    expect(prepayId).toMatch(/^wx/);
    const params = client.jsapiPayParams(prepayId);
    expect(params).toMatchObject({ appId: client.settings.appid, package: `prepay_id=${prepayId}`, signType: 'RSA' });
    expect((await dev(sim, 'POST', '/__dev/request-payment', params)).json).toMatchObject({ ok: true });
    const forged = await dev(sim, 'POST', '/__dev/request-payment', {
      ...params,
      timeStamp: String(Number(params.timeStamp) + 1),
    });
    expect(forged.json).toMatchObject({ error: { code: 'BAD_PAY_SIGN' } });
    expect(await client.queryByOutTradeNo(outTradeNo)).toMatchObject({
      trade_state: 'NOTPAY',
      out_trade_no: outTradeNo,
    });

    const before = receiver.received.length;
    await dev(sim, 'POST', '/__dev/pay', { prepay_id: prepayId });
    const notification = (await receiver.waitFor(before + 1))[before];
    const parsed = await parsePaymentNotification(client, notification.headers, notification.body);
    expect(parsed).toMatchObject({
      ok: true,
      eventType: 'TRANSACTION.SUCCESS',
      resource: {
        out_trade_no: outTradeNo,
        trade_state: 'SUCCESS',
        attach: 'bill:7',
        amount: { total: 150, payer_total: 150 },
      },
    });
    const queried = await client.queryByOutTradeNo(outTradeNo);
    expect(queried).toMatchObject({ trade_state: 'SUCCESS', amount: { total: 150 } });
    expect(parsed.ok && parsed.resource.transaction_id).toBe(queried.transaction_id);
  });

  it('refuses a notification with one body byte changed, and one whose headers are missing', async () => {
    const { notification } = await paidOrder();
    const tampered = notification.body.replace('"summary":"', '"summary":" ');
    expect(tampered).not.toBe(notification.body);
    expect(await parsePaymentNotification(client, notification.headers, tampered)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    const { 'wechatpay-signature': _gone, ...unsigned } = notification.headers;
    expect(await parsePaymentNotification(client, unsigned, notification.body)).toEqual({
      ok: false,
      reason: 'missing-headers',
    });
  });

  it.each([
    ['bad-signature', 'bad-signature'],
    ['signtest', 'signtest'],
    ['stale-timestamp', 'stale'],
    ['unknown-serial', 'unknown-serial'],
    ['wrong-key', 'decrypt-failed'],
  ])('refuses the simulator probe %s (%s)', async (kind, reason) => {
    const { outTradeNo } = await paidOrder();
    const before = receiver.received.length;
    expect((await dev(sim, 'POST', '/__dev/probe', { kind, out_trade_no: outTradeNo })).status).toBe(200);
    const probe = (await receiver.waitFor(before + 1))[before];
    expect(await parsePaymentNotification(client, probe.headers, probe.body)).toMatchObject({ ok: false, reason });
  });

  it('passes a genuine but wrong-amount notification on with its amount (the bill check must refuse it)', async () => {
    const { outTradeNo } = await paidOrder(150);
    const before = receiver.received.length;
    await dev(sim, 'POST', '/__dev/probe', { kind: 'wrong-amount', out_trade_no: outTradeNo });
    const probe = (await receiver.waitFor(before + 1))[before];
    const parsed = await parsePaymentNotification(client, probe.headers, probe.body);
    expect(parsed).toMatchObject({ ok: true, resource: { out_trade_no: outTradeNo, amount: { total: 151 } } });
  });

  it('refuses answers whose body or signature was changed on the way', async () => {
    const { outTradeNo } = await paidOrder();
    const isQuery = (url: string) => url.includes('/v3/pay/transactions/out-trade-no/');
    const changed = clientFor(
      sim,
      receiver.url,
      {},
      { fetch: tamperingFetch(isQuery, (b) => b.replace('SUCCESS', 'NOTPAY')) },
    );
    await expect(changed.queryByOutTradeNo(outTradeNo)).rejects.toEqual(new WechatPaySignatureError('bad-signature'));
    const forgedError = clientFor(
      sim,
      receiver.url,
      {},
      {
        fetch: async (input, init) => {
          const res = await fetch(input, init);
          const headers = new Headers(res.headers);
          headers.set('wechatpay-signature', `${headers.get('wechatpay-signature')?.slice(0, -4)}AAA=`);
          return new Response(await res.text(), { status: res.status, headers });
        },
      },
    );
    await expect(forgedError.queryByOutTradeNo(outTradeNo)).rejects.toBeInstanceOf(WechatPaySignatureError);
  });

  it('turns WeChat Pay errors into typed API errors and an unreachable host into a network error', async () => {
    const missing = client.queryByOutTradeNo(tradeNo('NONE'));
    await expect(missing).rejects.toBeInstanceOf(WechatPayApiError);
    await expect(missing).rejects.toMatchObject({ status: 404, code: 'ORDER_NOT_EXIST' });
    const offline = clientFor(sim, receiver.url, { baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 });
    await expect(offline.queryByOutTradeNo(tradeNo())).rejects.toBeInstanceOf(WechatPayNetworkError);
  });

  it('reports SIGN_ERROR when our request is signed with another key', async () => {
    const { newPlatformKey } = await import('../../scripts/sim/wechatpay/keys');
    const otherKey = newPlatformKey('publicKey', Date.now()).privateKeyPem;
    const wrong = clientFor(sim, receiver.url, { privateKeyPem: otherKey });
    const query = wrong.queryByOutTradeNo(tradeNo());
    if (mode === 'publicKey') {
      await expect(query).rejects.toMatchObject({ status: 401, code: 'SIGN_ERROR' });
    } else {
      // Without certificates the signed refusal cannot be trusted; the failed download explains why.
      await expect(query).rejects.toBeInstanceOf(WechatPaySignatureError);
      await expect(query).rejects.toThrow(/unknown-serial \(certificate download failed: .* 401 SIGN_ERROR\)/);
    }
  });

  it('accepts every copy of a duplicated notification with the same id (the bill service deduplicates)', async () => {
    const { outTradeNo } = await paidOrder();
    const before = receiver.received.length;
    await dev(sim, 'POST', '/__dev/probe', { kind: 'duplicate', out_trade_no: outTradeNo, copies: 3 });
    const copies = (await receiver.waitFor(before + 3)).slice(before, before + 3);
    const parsed = await Promise.all(copies.map((c) => parsePaymentNotification(client, c.headers, c.body)));
    expect(parsed.every((p) => p.ok)).toBe(true);
    expect(new Set(parsed.map((p) => p.ok && p.id)).size).toBe(1);
  });

  it('closes an unpaid order; a paid one cannot be closed', async () => {
    const outTradeNo = tradeNo();
    await client.createJsapiOrder({ outTradeNo, description: '党费', amountFen: 20, openid: OPENID });
    await client.close(outTradeNo);
    expect(await client.queryByOutTradeNo(outTradeNo)).toMatchObject({ trade_state: 'CLOSED' });
    const paid = await paidOrder();
    await expect(client.close(paid.outTradeNo)).rejects.toMatchObject({ code: 'ORDERPAID' });
  });

  it('refunds a payment, queries the refund and accepts its notification', async () => {
    const { outTradeNo } = await paidOrder(300);
    const before = receiver.received.length;
    const refund = await client.refund({
      outTradeNo,
      outRefundNo: `R${outTradeNo}`,
      refundFen: 100,
      totalFen: 300,
      reason: '多缴退回',
    });
    expect(refund).toMatchObject({ out_refund_no: `R${outTradeNo}`, amount: { refund: 100, total: 300 } });
    const notification = (await receiver.waitFor(before + 1))[before];
    const parsed = await parseRefundNotification(client, notification.headers, notification.body);
    expect(parsed).toMatchObject({
      ok: true,
      eventType: 'REFUND.SUCCESS',
      resource: { out_refund_no: `R${outTradeNo}`, refund_status: 'SUCCESS' },
    });
    // A refund notification is not a payment notification, and the other way round.
    expect(await parsePaymentNotification(client, notification.headers, notification.body)).toMatchObject({
      ok: false,
      reason: 'unexpected-event',
    });
    expect(await client.queryRefund(`R${outTradeNo}`)).toMatchObject({ status: 'SUCCESS', amount: { refund: 100 } });
  });

  it('downloads the trade bill with its hash checked, and throws on a changed file', async () => {
    const { outTradeNo } = await paidOrder(250);
    const today = beijingDate(Date.now());
    const bill = await client.tradeBill(today);
    expect(bill.csv).toContain(`\`${outTradeNo}`);
    const isFile = (url: string) => url.includes('/v3/billdownload/file');
    const changed = clientFor(
      sim,
      receiver.url,
      {},
      { fetch: tamperingFetch(isFile, (b) => b.replace('2.50', '0.25')) },
    );
    await expect(changed.tradeBill(today)).rejects.toBeInstanceOf(WechatPayBillHashError);
  });
});

describe('platform certificates: rotation', () => {
  it('downloads the new certificate when an answer is signed with an unknown serial', async () => {
    const sim = await startSim('platformCert');
    const receiver = await startReceiver();
    try {
      const client = clientFor(sim, receiver.url, {}, { minCertRefreshMs: 0 });
      const first = tradeNo();
      await client.createJsapiOrder({ outTradeNo: first, description: '党费', amountFen: 20, openid: OPENID });
      const oldSerial = sim.platform().serial;
      sim.rotatePlatformKey();
      expect(sim.platform().serial).not.toBe(oldSerial);
      expect(await client.queryByOutTradeNo(first)).toMatchObject({ trade_state: 'NOTPAY' });
      await dev(sim, 'POST', '/__dev/pay', { out_trade_no: first });
      const [notification] = await receiver.waitFor(1);
      expect(notification.headers['wechatpay-serial']).toBe(sim.platform().serial);
      expect(await parsePaymentNotification(client, notification.headers, notification.body)).toMatchObject({
        ok: true,
      });
    } finally {
      await sim.settled();
      await receiver.close();
      await sim.close();
    }
  });
});
