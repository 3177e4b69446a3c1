import { currentBackend } from './support/backends';
import { startTestApp, TEST_APPID, TEST_PUSH_AES_KEY, TEST_PUSH_TOKEN, TestApp } from './support/test-app';
import { encryptPush, signPush, wxSignature } from '../../scripts/sim/wechat';

const backend = currentBackend();
const PATH = '/api/callbacks/wechat';
const TARGET = { token: TEST_PUSH_TOKEN, aesKey: TEST_PUSH_AES_KEY };

/** An event WeChat might push that we do not act on (answered "success"). */
const otherEvent = (extra: Record<string, unknown> = {}) => ({
  ToUserName: 'gh_0000000000aa',
  FromUserName: 'oUser',
  CreateTime: Math.floor(Date.now() / 1000),
  MsgType: 'event',
  Event: 'debug_demo',
  debug_str: 'hello world',
  ...extra,
});

describe(`WeChat message push callback on ${backend.name}`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (query: Record<string, string>, body: string) =>
    t.http().post(PATH).query(query).set('Content-Type', 'application/json').send(body);

  it('verifies the URL: echostr back for a good signature, 401 otherwise', async () => {
    const [timestamp, nonce] = ['1714036504', '1514711492'];
    const signature = wxSignature(TEST_PUSH_TOKEN, timestamp, nonce);
    const ok = await t.http().get(PATH).query({ signature, timestamp, nonce, echostr: '4375120948345356249' });
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toMatch(/^text\/plain/);
    expect(ok.text).toBe('4375120948345356249');

    const bad = await t
      .http()
      .get(PATH)
      .query({ signature: signature.replace(/^./, '0'), timestamp, nonce, echostr: 'x' });
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe('GOV_SIGNATURE_INVALID');
    expect((await t.http().get(PATH).query({ timestamp, nonce, echostr: 'x' })).status).toBe(401);
  });

  it('accepts a safe-mode push and answers "success"', async () => {
    const signed = signPush(TARGET, TEST_APPID, otherEvent(), Date.now());
    const res = await post(signed.query, signed.body);
    expect(res.status).toBe(200);
    expect(res.text).toBe('success');
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
  });

  it('refuses a replayed push, and a stale one', async () => {
    const signed = signPush(TARGET, TEST_APPID, otherEvent(), Date.now());
    expect((await post(signed.query, signed.body)).status).toBe(200);
    const again = await post(signed.query, signed.body);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('GOV_REPLAY');

    const stale = signPush(TARGET, TEST_APPID, otherEvent(), Date.now() - 6 * 60_000);
    const old = await post(stale.query, stale.body);
    expect(old.status).toBe(409);
    expect(old.body.error.code).toBe('GOV_REPLAY');
  });

  it('refuses bad signatures, undecryptable bodies, other apps and plaintext pushes', async () => {
    const signed = signPush(TARGET, TEST_APPID, otherEvent(), Date.now());
    const expectRefused = async (query: Record<string, string>, body: string) => {
      const res = await post(query, body);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('GOV_SIGNATURE_INVALID');
    };
    // msg_signature does not cover a tampered Encrypt.
    const body = JSON.parse(signed.body) as { ToUserName: string; Encrypt: string };
    const tampered = JSON.stringify({
      ...body,
      Encrypt: encryptPush(TEST_PUSH_AES_KEY, TEST_APPID, JSON.stringify(otherEvent({ debug_str: 'evil' }))),
    });
    await expectRefused(signed.query, tampered);
    await expectRefused(
      {
        ...signed.query,
        msg_signature: wxSignature('wrongtoken', signed.query.timestamp, signed.query.nonce, body.Encrypt),
      },
      signed.body,
    );
    // Encrypted with another key (signature fine, decryption garbage) or for another app.
    const otherKey = signPush({ token: TEST_PUSH_TOKEN, aesKey: 'x'.repeat(43) }, TEST_APPID, otherEvent(), Date.now());
    await expectRefused(otherKey.query, otherKey.body);
    const otherApp = signPush(TARGET, 'wx00000000000000bb', otherEvent(), Date.now());
    await expectRefused(otherApp.query, otherApp.body);
    // Safe mode is configured: a plaintext push (even correctly signed) is refused.
    const plain = signPush({ token: TEST_PUSH_TOKEN }, TEST_APPID, otherEvent(), Date.now());
    await expectRefused(plain.query, plain.body);
    // A body without Encrypt is malformed.
    const empty = await post(signed.query, JSON.stringify({ ToUserName: 'gh' }));
    expect(empty.status).toBe(400);
    // None of the refusals spent the nonce: the genuine push still goes through.
    expect((await post(signed.query, signed.body)).text).toBe('success');
  });

  it('answers an unknown media-check trace with an error so WeChat retries, and lets the retry in', async () => {
    const event = {
      ...otherEvent(),
      Event: 'wxa_media_check',
      appid: TEST_APPID,
      trace_id: 'ffffffff-00000000-00000000',
      version: 2,
      result: { suggest: 'pass', label: 100 },
    };
    const signed = signPush(TARGET, TEST_APPID, event, Date.now());
    expect((await post(signed.query, signed.body)).status).toBe(404);
    // The failure released the nonce: the same push is processed (not refused as a replay).
    expect((await post(signed.query, signed.body)).status).toBe(404);
  });
});
