// wechatpay-node-v3 (what the BFF's payment module will use) talks to the simulator through its
// createHttp() hook: the library signs URLs as https://api.mch.weixin.qq.com/…, the hook sends them here.
import { createHash } from 'node:crypto';
import Pay from 'wechatpay-node-v3';
import { beijingDate } from './ids';
import { dev, MERCHANT, startReceiver, startSim, verifyWechatpaySignature } from './test-helpers';
import type { Receiver } from './test-helpers';
import type { WechatPaySim } from './types';

const WECHATPAY_HOST = 'https://api.mch.weixin.qq.com';

interface Output {
  status: number;
  data?: unknown;
  error?: unknown;
  headers?: Record<string, string>;
}

function headersObject(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

/** The hook: same path and query, the simulator's origin; the body sent is the exact JSON the library signed. */
function simHttp(sim: WechatPaySim) {
  const send = async (
    method: 'GET' | 'POST',
    url: string,
    headers: Record<string, string>,
    params?: unknown,
  ): Promise<Output> => {
    const target = url.startsWith(WECHATPAY_HOST) ? `${sim.url}${url.slice(WECHATPAY_HOST.length)}` : url;
    const { 'Accept-Encoding': _encoding, ...rest } = headers;
    const res = await fetch(target, {
      method,
      headers: { ...rest, ...(method === 'POST' ? { 'Content-Type': 'application/json' } : {}) },
      body: method === 'POST' ? JSON.stringify(params) : undefined,
    });
    const text = await res.text();
    const isJson = (res.headers.get('content-type') ?? '').includes('json');
    const data: unknown = isJson && text ? JSON.parse(text) : text;
    const out: Output = { status: res.status, data, headers: headersObject(res.headers) };
    if (res.status >= 300) out.error = text;
    return out;
  };
  return {
    get: (url: string, headers: Record<string, string>) => send('GET', url, headers),
    post: (url: string, params: Record<string, unknown>, headers: Record<string, string>) =>
      send('POST', url, headers, params),
    upload: () => Promise.reject(new Error('not simulated')),
  };
}

function newPay(sim: WechatPaySim): Pay {
  const pay = new Pay({
    appid: MERCHANT.appid,
    mchid: MERCHANT.mchid,
    publicKey: Buffer.from(MERCHANT.certPem),
    privateKey: Buffer.from(MERCHANT.privateKeyPem),
    key: MERCHANT.apiV3Key,
  });
  pay.createHttp(simHttp(sim));
  return pay;
}

describe('wechatpay-node-v3 against the simulator', () => {
  let sim: WechatPaySim;
  let receiver: Receiver;
  beforeAll(async () => {
    sim = await startSim('platformCert');
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await sim.close();
  });

  it('creates a JSAPI order, pays it, queries it, refunds it and downloads the bill', async () => {
    const pay = newPay(sim);
    const outTradeNo = `LIB${Date.now()}`;
    const created = await pay.transactions_jsapi({
      description: '党费 2026年12月',
      out_trade_no: outTradeNo,
      notify_url: receiver.url,
      amount: { total: 300 },
      payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
      attach: 'bill:7',
    });
    expect(created.status).toBe(200);
    // The library turns prepay_id into the signed parameters of wx.requestPayment.
    const params = created.data as { package: string; paySign: string; signType: string };
    expect(params.package).toMatch(/^prepay_id=wx/);
    expect(params.signType).toBe('RSA');
    const prepayId = params.package.slice('prepay_id='.length);
    // What the WeChat client checks before opening the sheet: paySign over appId/timeStamp/nonceStr/package.
    const opened = await dev(sim, 'POST', '/__dev/request-payment', params);
    expect(opened.json).toMatchObject({ ok: true, pay_page: `/__dev/pay-page?prepay_id=${prepayId}` });
    const forged = await dev(sim, 'POST', '/__dev/request-payment', { ...params, nonceStr: 'forged' });
    expect(forged).toMatchObject({ status: 400, json: { error: { code: 'BAD_PAY_SIGN' } } });
    expect(sim.orders().find((o) => o.outTradeNo === outTradeNo)?.prepayId).toBe(prepayId);

    expect((await pay.query({ out_trade_no: outTradeNo })).data).toMatchObject({ trade_state: 'NOTPAY' });
    expect((await dev(sim, 'POST', '/__dev/pay', { prepay_id: prepayId })).status).toBe(200);
    const [notification] = await receiver.waitFor(1);
    const queried = await pay.query({ out_trade_no: outTradeNo });
    expect(queried.data).toMatchObject({ trade_state: 'SUCCESS', amount: { total: 300 } });

    // Platform certificate mode: verifySign downloads /v3/certificates through the hook, by serial.
    const h = notification.headers;
    const verified = await pay.verifySign({
      timestamp: String(h['wechatpay-timestamp']),
      nonce: String(h['wechatpay-nonce']),
      serial: String(h['wechatpay-serial']),
      signature: String(h['wechatpay-signature']),
      body: notification.body,
      apiSecret: MERCHANT.apiV3Key,
    });
    expect(verified).toBe(true);
    const envelope = JSON.parse(notification.body) as {
      resource: { ciphertext: string; associated_data: string; nonce: string };
    };
    const resource = pay.decipher_gcm<{ out_trade_no: string }>(
      envelope.resource.ciphertext,
      envelope.resource.associated_data,
      envelope.resource.nonce,
    );
    expect(resource.out_trade_no).toBe(outTradeNo);

    const refund = await pay.refunds({
      out_trade_no: outTradeNo,
      out_refund_no: `R${outTradeNo}`,
      amount: { refund: 300, total: 300, currency: 'CNY' },
    });
    expect(refund.status).toBe(200);
    expect((await pay.find_refunds(`R${outTradeNo}`)).data).toMatchObject({ out_refund_no: `R${outTradeNo}` });

    const bill = await pay.tradebill({ bill_date: beijingDate(Date.now()), bill_type: 'ALL' });
    expect(bill.status).toBe(200);
    const { download_url, hash_value } = bill.data as { download_url: string; hash_value: string };
    const file = await pay.downloadBill(download_url);
    expect(file.status).toBe(200);
    expect(createHash('sha1').update(String(file.data)).digest('hex')).toBe(hash_value);
    expect(String(file.data)).toContain(`\`${outTradeNo}`);
  });

  it('closes an order through the library (its close body is signed as sent)', async () => {
    const pay = newPay(sim);
    const outTradeNo = `LIBC${Date.now()}`;
    await pay.transactions_jsapi({
      description: '党费',
      out_trade_no: outTradeNo,
      notify_url: receiver.url,
      amount: { total: 20 },
      payer: { openid: 'o1' },
    });
    expect((await pay.close(outTradeNo)).status).toBe(204);
    expect((await pay.query({ out_trade_no: outTradeNo })).data).toMatchObject({ trade_state: 'CLOSED' });
  });
});

describe('wechatpay-node-v3 in WeChat Pay public key mode', () => {
  it('reaches the simulator, but its verifySign only knows platform certificates: our code must verify PUB_KEY_ID signatures', async () => {
    const sim = await startSim('publicKey');
    const receiver = await startReceiver();
    try {
      const pay = newPay(sim);
      const outTradeNo = `LIBP${Date.now()}`;
      const created = await pay.transactions_jsapi({
        description: '党费',
        out_trade_no: outTradeNo,
        notify_url: receiver.url,
        amount: { total: 20 },
        payer: { openid: 'o1' },
      });
      expect(created.status).toBe(200);
      await dev(sim, 'POST', '/__dev/pay', { out_trade_no: outTradeNo });
      const [notification] = await receiver.waitFor(1);
      const h = notification.headers;
      expect(String(h['wechatpay-serial'])).toMatch(/^PUB_KEY_ID_/);
      const headers = { get: (name: string) => (h[name] as string | undefined) ?? null };
      expect(verifyWechatpaySignature(headers, notification.body, sim.platform().publicKeyPem)).toBe(true);
      await expect(
        pay.verifySign({
          timestamp: String(h['wechatpay-timestamp']),
          nonce: String(h['wechatpay-nonce']),
          serial: String(h['wechatpay-serial']),
          signature: String(h['wechatpay-signature']),
          body: notification.body,
          apiSecret: MERCHANT.apiV3Key,
        }),
      ).rejects.toThrow();
    } finally {
      await receiver.close();
      await sim.close();
    }
  });
});
