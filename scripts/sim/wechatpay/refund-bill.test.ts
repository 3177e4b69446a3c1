// Refunds with their notification, the trade bill (hash checked against the download) and the
// platform certificate download with rotation.
import { createDecipheriv, createHash, X509Certificate } from 'node:crypto';
import { beijingDate } from './ids';
import {
  call,
  decrypt,
  dev,
  headerGetter,
  MERCHANT,
  orderBody,
  startReceiver,
  startSim,
  verifyWechatpaySignature,
} from './test-helpers';
import type { Receiver } from './test-helpers';
import type { WechatPaySim } from './types';

const REFUNDS = '/v3/refund/domestic/refunds';

async function paidOrder(sim: WechatPaySim, notifyUrl: string, total = 1250): Promise<string> {
  const body = orderBody(notifyUrl, { amount: { total, currency: 'CNY' } });
  await call(sim, 'POST', '/v3/pay/transactions/jsapi', body);
  await dev(sim, 'POST', '/__dev/pay', { out_trade_no: body.out_trade_no, notify: false });
  return String(body.out_trade_no);
}

describe('wechatpay-sim refunds and bills', () => {
  let sim: WechatPaySim;
  let receiver: Receiver;
  beforeAll(async () => {
    sim = await startSim('publicKey', { downloadBase: 'http://ignored.example' });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await sim.close();
  });

  it('refunds (PROCESSING, then SUCCESS + REFUND.SUCCESS), idempotent by out_refund_no, never above the total', async () => {
    const no = await paidOrder(sim, receiver.url);
    const request = {
      out_trade_no: no,
      out_refund_no: `R1${no}`,
      reason: '多缴',
      amount: { refund: 250, total: 1250, currency: 'CNY' },
    };
    const created = await call(sim, 'POST', REFUNDS, request);
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({
      status: 'PROCESSING',
      out_trade_no: no,
      amount: { refund: 250, total: 1250 },
    });
    expect(verifyWechatpaySignature(created.headers, created.text, sim.platform().publicKeyPem)).toBe(true);
    const [got] = await receiver.waitFor(1);
    expect(verifyWechatpaySignature(headerGetter(got.headers), got.body, sim.platform().publicKeyPem)).toBe(true);
    const envelope = JSON.parse(got.body) as {
      event_type: string;
      resource: Parameters<typeof decrypt>[0] & { original_type: string };
    };
    expect(envelope.event_type).toBe('REFUND.SUCCESS');
    expect(envelope.resource.associated_data).toBe('refund');
    expect(decrypt(envelope.resource)).toMatchObject({
      mchid: MERCHANT.mchid,
      out_trade_no: no,
      out_refund_no: `R1${no}`,
      refund_status: 'SUCCESS',
      amount: { total: 1250, refund: 250 },
    });
    const queried = await call(sim, 'GET', `${REFUNDS}/R1${no}`);
    expect(queried.json).toMatchObject({ status: 'SUCCESS', refund_id: created.json.refund_id });
    expect((await call(sim, 'POST', REFUNDS, request)).json.refund_id).toBe(created.json.refund_id);
    const changed = await call(sim, 'POST', REFUNDS, {
      ...request,
      amount: { refund: 300, total: 1250, currency: 'CNY' },
    });
    expect(changed).toMatchObject({ status: 400, json: { code: 'INVALID_REQUEST' } });
    const tooMuch = await call(sim, 'POST', REFUNDS, {
      ...request,
      out_refund_no: `R2${no}`,
      amount: { refund: 1001, total: 1250, currency: 'CNY' },
    });
    expect(tooMuch).toMatchObject({ status: 403, json: { code: 'NOT_ENOUGH' } });
    const query = await call(sim, 'GET', `/v3/pay/transactions/out-trade-no/${no}?mchid=${MERCHANT.mchid}`);
    expect(query.json.trade_state).toBe('REFUND');
    expect((await call(sim, 'GET', `${REFUNDS}/NOPE`)).status).toBe(404);
  });

  it('refuses refunds of unknown or unpaid orders and wrong totals', async () => {
    const unknown = await call(sim, 'POST', REFUNDS, {
      out_trade_no: 'NOSUCH01',
      out_refund_no: 'RX1',
      amount: { refund: 1, total: 1, currency: 'CNY' },
    });
    expect(unknown).toMatchObject({ status: 404, json: { code: 'RESOURCE_NOT_EXISTS' } });
    const body = orderBody(receiver.url);
    await call(sim, 'POST', '/v3/pay/transactions/jsapi', body);
    const unpaid = await call(sim, 'POST', REFUNDS, {
      out_trade_no: body.out_trade_no,
      out_refund_no: 'RX2',
      amount: { refund: 1, total: 1250, currency: 'CNY' },
    });
    expect(unpaid).toMatchObject({ status: 400, json: { code: 'INVALID_REQUEST' } });
    const no = await paidOrder(sim, receiver.url);
    const wrongTotal = await call(sim, 'POST', REFUNDS, {
      out_trade_no: no,
      out_refund_no: 'RX3',
      amount: { refund: 1, total: 999, currency: 'CNY' },
    });
    expect(wrongTotal).toMatchObject({ status: 400, json: { code: 'INVALID_REQUEST' } });
  });

  it("serves the day's trade bill whose SHA1 matches the downloaded file", async () => {
    await sim.settled();
    const today = beijingDate(Date.now());
    const answer = await call(sim, 'GET', `/v3/bill/tradebill?bill_date=${today}&bill_type=ALL`);
    expect(answer.status).toBe(200);
    expect(answer.json.hash_type).toBe('SHA1');
    const url = new URL(String(answer.json.download_url));
    expect(url.origin).toBe('http://ignored.example');
    const file = await call(sim, 'GET', `${url.pathname}${url.search}`);
    expect(file.status).toBe(200);
    expect(createHash('sha1').update(file.text, 'utf8').digest('hex')).toBe(answer.json.hash_value);
    const lines = file.text.trimEnd().split('\r\n');
    expect(lines[0].startsWith('交易时间,公众账号ID,商户号')).toBe(true);
    const trades = lines.slice(1, -2);
    const paid = sim.orders().filter((o) => o.successAt !== undefined);
    expect(trades.filter((l) => l.includes('`SUCCESS,`OTHERS'))).toHaveLength(paid.length);
    expect(trades.filter((l) => l.includes('`REFUND,`OTHERS'))).toHaveLength(1);
    expect(trades.every((l) => l.split(',').every((field) => field.startsWith('`')))).toBe(true);
    expect(lines[lines.length - 2]).toBe(
      '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额',
    );
    const summary = lines[lines.length - 1].split(',');
    expect(summary[0]).toBe(`\`${paid.length + 1}`);
    expect(summary[1]).toBe(`\`${(paid.reduce((s, o) => s + o.totalFen, 0) / 100).toFixed(2)}`);
    expect(summary[2]).toBe('`2.50');

    const successOnly = await call(sim, 'GET', `/v3/bill/tradebill?bill_date=${today}&bill_type=SUCCESS`);
    expect(successOnly.json.hash_value).not.toBe(answer.json.hash_value);
    expect((await call(sim, 'GET', '/v3/bill/tradebill?bill_date=2020-01-01')).json.code).toBe('NO_STATEMENT_EXIST');
    expect((await call(sim, 'GET', '/v3/bill/tradebill?bill_date=tomorrow')).json.code).toBe('PARAM_ERROR');
    expect((await call(sim, 'GET', '/v3/billdownload/file?token=nope')).status).toBe(404);
  });
});

describe('wechatpay-sim platform certificates', () => {
  it('lists every platform certificate encrypted with the APIv3 key; rotation adds one and switches the signer', async () => {
    const sim = await startSim('platformCert');
    try {
      const first = await call(sim, 'GET', '/v3/certificates');
      expect(first.status).toBe(200);
      const data = first.json.data as { serial_no: string; encrypt_certificate: Parameters<typeof decrypt>[0] }[];
      expect(data).toHaveLength(1);
      expect(data[0].serial_no).toMatch(/^[0-9A-F]{40}$/);
      expect(data[0].encrypt_certificate.associated_data).toBe('certificate');
      const pem = decryptPem(data[0].encrypt_certificate);
      const cert = new X509Certificate(pem);
      expect(cert.serialNumber.toUpperCase()).toBe(data[0].serial_no);
      expect(first.headers.get('wechatpay-serial')).toBe(data[0].serial_no);
      expect(
        verifyWechatpaySignature(
          first.headers,
          first.text,
          cert.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        ),
      ).toBe(true);

      const rotated = await dev(sim, 'POST', '/__dev/rotate-platform-key');
      const second = await call(sim, 'GET', '/v3/certificates');
      const serials = (second.json.data as { serial_no: string }[]).map((d) => d.serial_no);
      expect(serials).toEqual([data[0].serial_no, rotated.json.serial]);
      expect(second.headers.get('wechatpay-serial')).toBe(rotated.json.serial);
    } finally {
      await sim.close();
    }
  });

  it('has no certificate to download in public key mode', async () => {
    const sim = await startSim('publicKey');
    try {
      const answer = await call(sim, 'GET', '/v3/certificates');
      expect(answer.status).toBe(404);
      const platform = await dev(sim, 'GET', '/__dev/platform');
      expect(platform.json).toMatchObject({ mode: 'publicKey', serial: sim.platform().serial });
    } finally {
      await sim.close();
    }
  });
});

function decryptPem(resource: Parameters<typeof decrypt>[0]): string {
  // decrypt() parses JSON; the certificate is plain PEM text.
  const data = Buffer.from(resource.ciphertext, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(MERCHANT.apiV3Key), Buffer.from(resource.nonce));
  decipher.setAAD(Buffer.from(resource.associated_data));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
}
