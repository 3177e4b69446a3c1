// Signature verification, key sources, AES-GCM and notification refusals, with messages forged by the
// simulator's server-free crypto (no server): every branch of the checks the BFF relies on.
import { encryptResource, signedHeaders } from '../../scripts/sim/wechatpay';
import { newPlatformKey } from '../../scripts/sim/wechatpay/keys';
import { parsePaymentNotification, parseRefundNotification } from '../src/modules/dues/pay/notification';
import { decryptAeadAes256Gcm } from '../src/modules/dues/pay/wechat-pay-crypto';
import { PlatformCertificateSource, PublicKeySource, type RawAnswer } from '../src/modules/dues/pay/wechat-pay-keys';
import { verifyWechatpaySignature } from '../src/modules/dues/pay/wechat-pay-verifier';

const NOW = Date.parse('2026-12-07T02:00:00Z');
const nowSec = Math.floor(NOW / 1000);
const pubKey = newPlatformKey('publicKey', NOW);
const source = new PublicKeySource(pubKey.serial, pubKey.publicKeyPem);
const API_V3_KEY = 'abcdefghijklmnopqrstuvwxyz012345';
const opts = { now: () => NOW, maxSkewSeconds: 300 };

function signed(body: string, at = nowSec, key: { serial: string; privateKeyPem: string } = pubKey) {
  return { body, headers: signedHeaders(body, key, at) };
}

describe('verifyWechatpaySignature', () => {
  it('accepts a message signed over the raw body with the key of its serial, in any header bag', async () => {
    const { body, headers } = signed('{"a":1}');
    expect(await verifyWechatpaySignature(headers, body, source, opts)).toEqual({ ok: true, serial: pubKey.serial });
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), [v]]));
    expect(await verifyWechatpaySignature(lower, body, source, opts)).toMatchObject({ ok: true });
    expect(await verifyWechatpaySignature(new Headers(headers), body, source, opts)).toMatchObject({ ok: true });
  });

  it('refuses a changed body, a whitespace-normalised body and another key', async () => {
    const { body, headers } = signed('{"a":1}');
    expect(await verifyWechatpaySignature(headers, '{"a":2}', source, opts)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    expect(await verifyWechatpaySignature(headers, '{"a": 1}', source, opts)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    const other = newPlatformKey('publicKey', NOW);
    const forged = signed(body, nowSec, { serial: pubKey.serial, privateKeyPem: other.privateKeyPem });
    expect(await verifyWechatpaySignature(forged.headers, body, source, opts)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    const garbage = { ...headers, 'Wechatpay-Signature': '!!not base64!!' };
    expect(await verifyWechatpaySignature(garbage, body, source, opts)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses WeChat Pay signtest probes before anything else', async () => {
    const { body, headers } = signed('{}');
    const probe = { ...headers, 'Wechatpay-Signature': `WECHATPAY/SIGNTEST/${headers['Wechatpay-Signature']}` };
    expect(await verifyWechatpaySignature(probe, body, source, opts)).toEqual({ ok: false, reason: 'signtest' });
  });

  it('keeps the timestamp window: 300 s either side accepted, 301 s refused, garbage refused', async () => {
    for (const [offset, ok] of [
      [-300, true],
      [300, true],
      [-301, false],
      [301, false],
    ] as const) {
      const { body, headers } = signed('{}', nowSec + offset);
      expect((await verifyWechatpaySignature(headers, body, source, opts)).ok).toBe(ok);
    }
    const { body, headers } = signed('{}');
    const bad = { ...headers, 'Wechatpay-Timestamp': '1e9' };
    expect(await verifyWechatpaySignature(bad, body, source, opts)).toEqual({ ok: false, reason: 'stale' });
    const wide = await verifyWechatpaySignature(signed('{}', nowSec - 500).headers, '{}', source, {
      ...opts,
      maxSkewSeconds: 600,
    });
    expect(wide.ok).toBe(true);
  });

  it('refuses an unknown serial and missing headers', async () => {
    const other = newPlatformKey('publicKey', NOW);
    const { body, headers } = signed('{}', nowSec, other);
    expect(await verifyWechatpaySignature(headers, body, source, opts)).toEqual({
      ok: false,
      reason: 'unknown-serial',
    });
    const { 'Wechatpay-Nonce': _n, ...partial } = signed('{}').headers;
    expect(await verifyWechatpaySignature(partial, '{}', source, opts)).toEqual({
      ok: false,
      reason: 'missing-headers',
    });
  });
});

describe('PlatformCertificateSource', () => {
  const first = newPlatformKey('platformCert', NOW);
  const second = newPlatformKey('platformCert', NOW);

  function listAnswer(
    keys: (typeof first)[],
    signer: { serial: string; privateKeyPem: string } = keys[0],
    serialOverride?: string,
  ): RawAnswer {
    const body = JSON.stringify({
      data: keys.map((k) => ({
        serial_no: serialOverride ?? k.serial,
        effective_time: '2026-01-01T00:00:00+08:00',
        expire_time: '2031-01-01T00:00:00+08:00',
        encrypt_certificate: encryptResource(k.certPem!, API_V3_KEY, 'certificate'),
      })),
    });
    return { status: 200, headers: signedHeaders(body, signer, nowSec), body };
  }

  it('downloads on an unknown serial, at most once a minute, and learns rotated serials', async () => {
    let clock = NOW;
    const answers = [listAnswer([first]), listAnswer([first, second], second)];
    const download = jest.fn(() => Promise.resolve(answers.shift()!));
    const certs = new PlatformCertificateSource({ apiV3Key: API_V3_KEY, download, now: () => clock });
    expect(await certs.keyFor(first.serial)).toBeDefined();
    expect(await certs.keyFor(second.serial)).toBeUndefined();
    expect(await certs.keyFor('ABCDEF')).toBeUndefined();
    expect(download).toHaveBeenCalledTimes(1);
    clock += 60_000;
    expect(await certs.keyFor(second.serial)).toBeDefined();
    expect(download).toHaveBeenCalledTimes(2);
    expect(certs.serials().sort()).toEqual([first.serial, second.serial].sort());
  });

  it('shares one download between concurrent lookups', async () => {
    const download = jest.fn(() => Promise.resolve(listAnswer([first])));
    const certs = new PlatformCertificateSource({ apiV3Key: API_V3_KEY, download, now: () => NOW });
    const keys = await Promise.all([
      certs.keyFor(first.serial),
      certs.keyFor(first.serial),
      certs.keyFor(first.serial),
    ]);
    expect(keys.every(Boolean)).toBe(true);
    expect(download).toHaveBeenCalledTimes(1);
  });

  it('refuses a download that is not signed by a listed certificate, or lists a certificate under another serial', async () => {
    const intruder = newPlatformKey('platformCert', NOW);
    const forged = new PlatformCertificateSource({
      apiV3Key: API_V3_KEY,
      download: () =>
        Promise.resolve(listAnswer([first], { serial: first.serial, privateKeyPem: intruder.privateKeyPem })),
      now: () => NOW,
    });
    expect(await forged.keyFor(first.serial)).toBeUndefined();
    expect(forged.lastRefreshError?.message).toMatch(/bad-signature/);
    const relabelled = new PlatformCertificateSource({
      apiV3Key: API_V3_KEY,
      download: () => Promise.resolve(listAnswer([intruder], intruder, first.serial)),
      now: () => NOW,
    });
    expect(await relabelled.keyFor(first.serial)).toBeUndefined();
  });

  it('refuses certificates encrypted with another APIv3 key and survives an unreachable WeChat Pay', async () => {
    const wrongKey = new PlatformCertificateSource({
      apiV3Key: API_V3_KEY.replace('a', 'b'),
      download: () => Promise.resolve(listAnswer([first])),
      now: () => NOW,
    });
    expect(await wrongKey.keyFor(first.serial)).toBeUndefined();
    expect(wrongKey.lastRefreshError).toBeDefined();
    const offline = new PlatformCertificateSource({
      apiV3Key: API_V3_KEY,
      download: () => Promise.reject(new Error('ECONNREFUSED')),
      now: () => NOW,
    });
    expect(await offline.keyFor(first.serial)).toBeUndefined();
    expect(offline.lastRefreshError?.message).toBe('ECONNREFUSED');
  });
});

describe('decryptAeadAes256Gcm', () => {
  it('opens what WeChat Pay encrypts and throws on another key, associated data or algorithm', () => {
    const resource = encryptResource('{"x":"党费"}', API_V3_KEY, 'transaction');
    expect(decryptAeadAes256Gcm(resource, API_V3_KEY)).toBe('{"x":"党费"}');
    expect(() => decryptAeadAes256Gcm(resource, API_V3_KEY.replace('a', 'c'))).toThrow();
    expect(() => decryptAeadAes256Gcm({ ...resource, associated_data: 'refund' }, API_V3_KEY)).toThrow();
    expect(() => decryptAeadAes256Gcm({ ...resource, algorithm: 'AES_128' }, API_V3_KEY)).toThrow(/unsupported/);
  });
});

describe('notification refusals after a valid signature', () => {
  const merchant = {
    settings: { mchid: '1900000109', appid: 'wxd678efh567hg6787', apiV3Key: API_V3_KEY },
    verify: (headers: Record<string, string>, body: string) => verifyWechatpaySignature(headers, body, source, opts),
  };
  const transaction = {
    mchid: '1900000109',
    appid: 'wxd678efh567hg6787',
    out_trade_no: 'DUES1',
    transaction_id: '4200000001',
    trade_state: 'SUCCESS',
    amount: { total: 150, payer_total: 150 },
  };
  function envelope(resource: object, eventType = 'TRANSACTION.SUCCESS', aad = 'transaction') {
    return signed(
      JSON.stringify({
        id: 'n1',
        event_type: eventType,
        resource: encryptResource(JSON.stringify(resource), API_V3_KEY, aad),
      }),
    );
  }

  it.each([
    ['wrong-mchid', { ...transaction, mchid: '1900000999' }],
    ['wrong-appid', { ...transaction, appid: 'wx0000000000000001' }],
    ['malformed', { ...transaction, amount: { total: '150' } }],
  ])('%s', async (reason, resource) => {
    const { body, headers } = envelope(resource);
    expect(await parsePaymentNotification(merchant, headers, body)).toMatchObject({ ok: false, reason, id: 'n1' });
  });

  it('refuses a signed body that is not a notification, and events of the other kind', async () => {
    const junk = signed('not json');
    expect(await parsePaymentNotification(merchant, junk.headers, junk.body)).toEqual({
      ok: false,
      reason: 'malformed',
    });
    const refund = envelope({ mchid: '1900000109' }, 'REFUND.SUCCESS', 'refund');
    expect(await parsePaymentNotification(merchant, refund.headers, refund.body)).toMatchObject({
      reason: 'unexpected-event',
    });
    const payment = envelope(transaction);
    expect(await parseRefundNotification(merchant, payment.headers, payment.body)).toMatchObject({
      reason: 'unexpected-event',
    });
    expect(await parsePaymentNotification(merchant, payment.headers, payment.body)).toMatchObject({
      ok: true,
      resource: transaction,
    });
  });
});
