// Notifications: signed with the platform key, resource encrypted with the APIv3 key, retried on the schedule.
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
import { RETRY_SCHEDULE_MS } from './notify';
import type { NotificationRecord, WechatPaySim } from './types';

async function createAndPay(sim: WechatPaySim, receiver: Receiver, notify = true) {
  const body = orderBody(receiver.url);
  const created = await call(sim, 'POST', '/v3/pay/transactions/jsapi', body);
  const paid = await dev(sim, 'POST', '/__dev/pay', { prepay_id: created.json.prepay_id, notify });
  expect(paid.status).toBe(200);
  return { outTradeNo: String(body.out_trade_no), transactionId: String(paid.json.transaction_id) };
}

describe('wechatpay-sim payment notifications (public key mode)', () => {
  let sim: WechatPaySim;
  let receiver: Receiver;
  beforeAll(async () => {
    sim = await startSim('publicKey');
  });
  beforeEach(async () => {
    receiver = await startReceiver();
  });
  afterEach(() => receiver.close());
  afterAll(() => sim.close());

  it('POSTs TRANSACTION.SUCCESS signed with the platform key, resource decrypting with the APIv3 key', async () => {
    const { outTradeNo, transactionId } = await createAndPay(sim, receiver);
    const [got] = await receiver.waitFor(1);
    const headers = headerGetter(got.headers);
    expect(headers.get('wechatpay-serial')).toBe(sim.platform().serial);
    expect(headers.get('wechatpay-signature-type')).toBe('WECHATPAY2-SHA256-RSA2048');
    expect(verifyWechatpaySignature(headers, got.body, sim.platform().publicKeyPem)).toBe(true);
    const envelope = JSON.parse(got.body) as {
      resource: { ciphertext: string; nonce: string; associated_data: string };
    } & Record<string, unknown>;
    expect(envelope).toMatchObject({
      event_type: 'TRANSACTION.SUCCESS',
      resource_type: 'encrypt-resource',
      summary: '支付成功',
      resource: { algorithm: 'AEAD_AES_256_GCM', original_type: 'transaction', associated_data: 'transaction' },
    });
    expect(envelope.resource.nonce).toHaveLength(12);
    expect(decrypt(envelope.resource)).toMatchObject({
      mchid: MERCHANT.mchid,
      appid: MERCHANT.appid,
      out_trade_no: outTradeNo,
      transaction_id: transactionId,
      trade_state: 'SUCCESS',
      attach: 'bill:42',
      amount: { total: 1250, payer_total: 1250 },
    });
    expect(() => decrypt(envelope.resource, 'k'.repeat(32))).toThrow();
    await sim.settled();
    expect(sim.notifications().find((n) => n.outTradeNo === outTradeNo)?.outcome).toBe('delivered');
  });

  it('retries on non-2xx answers with the scaled schedule, re-signing each attempt, until 2xx', async () => {
    receiver.replies.push(500, 404);
    const { outTradeNo } = await createAndPay(sim, receiver);
    const all = await receiver.waitFor(3);
    await sim.settled();
    const record = sim.notifications().find((n) => n.outTradeNo === outTradeNo) as NotificationRecord;
    expect(record.attempts.map((a) => a.status)).toEqual([500, 404, 204]);
    expect(record.outcome).toBe('delivered');
    expect(new Set(all.map((r) => r.body)).size).toBe(1);
    expect(new Set(all.map((r) => r.headers['wechatpay-nonce'])).size).toBe(3);
    for (const r of all)
      expect(verifyWechatpaySignature(headerGetter(r.headers), r.body, sim.platform().publicKeyPem)).toBe(true);
    expect(RETRY_SCHEDULE_MS.map((ms) => ms / 1000)).toEqual([
      15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600,
    ]);
  });

  it('retries when the merchant drops the connection or does not answer in time', async () => {
    const impatient = await startSim('publicKey', { notifyTimeoutMs: 200 });
    try {
      receiver.replies.push('drop', 'hang');
      const { outTradeNo } = await createAndPay(impatient, receiver);
      await receiver.waitFor(3);
      await impatient.settled();
      const record = impatient.notifications().find((n) => n.outTradeNo === outTradeNo) as NotificationRecord;
      expect(record.attempts.map((a) => a.status)).toEqual([null, null, 204]);
      expect(record.attempts[1].error).toContain('no answer within 200 ms');
      expect(record.outcome).toBe('delivered');
    } finally {
      await impatient.close();
    }
  });

  it('gives up after the 15 retries of the schedule', async () => {
    // 24 h of schedule compressed to under a second.
    const fast = await startSim('publicKey', { retryScale: 0.00001 });
    try {
      receiver.replies.push(...Array<number>(16).fill(503));
      const { outTradeNo } = await createAndPay(fast, receiver);
      await receiver.waitFor(16);
      await fast.settled();
      const record = fast.notifications().find((n) => n.outTradeNo === outTradeNo) as NotificationRecord;
      expect(record.attempts).toHaveLength(16);
      expect(record.outcome).toBe('given-up');
      expect(receiver.received).toHaveLength(16);
    } finally {
      await fast.close();
    }
  });

  it('sends nothing when the payment is made with notify:false (a lost notification); query still shows SUCCESS', async () => {
    const { outTradeNo } = await createAndPay(sim, receiver, false);
    await sim.settled();
    expect(receiver.received).toHaveLength(0);
    const answer = await call(sim, 'GET', `/v3/pay/transactions/out-trade-no/${outTradeNo}?mchid=${MERCHANT.mchid}`);
    expect(answer.json.trade_state).toBe('SUCCESS');
  });
});

describe('wechatpay-sim probes', () => {
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

  const probe = (kind: string, outTradeNo: string) =>
    dev(sim, 'POST', '/__dev/probe', { kind, out_trade_no: outTradeNo });
  const verify = (i: number) =>
    verifyWechatpaySignature(
      headerGetter(receiver.received[i].headers),
      receiver.received[i].body,
      sim.platform().publicKeyPem,
    );

  it('sends each bad notification once, recorded, without changing the order', async () => {
    const body = orderBody(receiver.url);
    await call(sim, 'POST', '/v3/pay/transactions/jsapi', body);
    const no = String(body.out_trade_no);
    receiver.replies.push(401, 401, 401, 401, 401, 401, 401);
    for (const kind of [
      'bad-signature',
      'stale-timestamp',
      'wrong-amount',
      'unknown-order',
      'wrong-key',
      'unknown-serial',
      'signtest',
    ]) {
      const answer = await probe(kind, no);
      expect(answer.status).toBe(200);
    }
    expect(receiver.received).toHaveLength(7);
    const [, stale, wrongAmount, unknown, wrongKey, unknownSerial, signtest] = receiver.received;
    expect(verify(0)).toBe(false);
    expect(verify(1)).toBe(true);
    expect(Math.floor(Date.now() / 1000) - Number(stale.headers['wechatpay-timestamp'])).toBeGreaterThanOrEqual(600);
    const resource = (r: (typeof receiver.received)[number]) =>
      (JSON.parse(r.body) as { resource: Parameters<typeof decrypt>[0] }).resource;
    expect(decrypt(resource(wrongAmount))).toMatchObject({ out_trade_no: no, amount: { total: 1251 } });
    expect(decrypt(resource(unknown)).out_trade_no).toMatch(/^GHOST/);
    expect(() => decrypt(resource(wrongKey))).toThrow();
    expect(verify(5)).toBe(false);
    expect(unknownSerial.headers['wechatpay-serial']).not.toBe(sim.platform().serial);
    expect(String(signtest.headers['wechatpay-signature'])).toMatch(/^WECHATPAY\/SIGNTEST\//);
    expect(verify(6)).toBe(false);
    expect(sim.notifications().every((n) => n.probe && n.outcome === 'given-up' && n.attempts.length === 1)).toBe(true);
    expect(sim.orders()[0].state).toBe('NOTPAY');
    expect((await probe('duplicate', no)).status).toBe(409);
    expect((await probe('nonsense', no)).status).toBe(400);
  });

  it('duplicates a genuine notification (same id, twice at once) and replays pay + refund out of order', async () => {
    receiver.received.length = 0;
    const { outTradeNo } = await createAndPay(sim, receiver);
    await receiver.waitFor(1);
    const dup = await probe('duplicate', outTradeNo);
    expect(dup.status).toBe(200);
    const ids = receiver.received.map((r) => (JSON.parse(r.body) as { id: string }).id);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
    expect([0, 1, 2].map(verify)).toEqual([true, true, true]);
    const five = await dev(sim, 'POST', '/__dev/probe', { kind: 'duplicate', out_trade_no: outTradeNo, copies: 5 });
    expect((five.json.sent as unknown[]).length).toBe(5);
    expect(receiver.received).toHaveLength(8);
    receiver.received.splice(3);
    const tooMany = await dev(sim, 'POST', '/__dev/probe', { kind: 'duplicate', out_trade_no: outTradeNo, copies: 51 });
    expect(tooMany.status).toBe(400);

    const refund = await call(sim, 'POST', '/v3/refund/domestic/refunds', {
      out_trade_no: outTradeNo,
      out_refund_no: `R${outTradeNo}`,
      amount: { refund: 1250, total: 1250, currency: 'CNY' },
    });
    expect(refund.status).toBe(200);
    await receiver.waitFor(4);
    await sim.settled();
    const ooo = await probe('out-of-order', outTradeNo);
    expect(ooo.status).toBe(200);
    const events = receiver.received.slice(4).map((r) => (JSON.parse(r.body) as { event_type: string }).event_type);
    expect(events).toEqual(['REFUND.SUCCESS', 'TRANSACTION.SUCCESS']);
  });
});
