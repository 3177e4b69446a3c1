import { createHash } from 'node:crypto';
import { simOpenid } from './identity';
import { decryptPush, wxSignature } from './push-crypto';
import { APP_A, callWithToken, startHarness, type Harness } from './test-helpers';
import { startReceiver, type Receiver } from './test-receiver';

const TOKEN = 'pushtoken123';
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const OPENID = simOpenid(APP_A.appid, 'alice');

describe('msg_sec_check v2', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const check = (body: Record<string, unknown>) =>
    callWithToken(h, '/wxa/msg_sec_check', { version: 2, scene: 2, openid: OPENID, ...body } as never);

  it('passes ordinary text, flags the review and risky markers', async () => {
    const pass = await check({ content: '路灯坏了，晚上很黑' });
    expect(pass.body).toMatchObject({ errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 } });
    expect(String(pass.body.trace_id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
    expect(pass.body.detail).toEqual([
      { strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100, prob: 90 },
      { strategy: 'keyword', errcode: 0 },
    ]);
    expect((await check({ content: '请看【测试复核】' })).body.result).toEqual({ suggest: 'review', label: 21000 });
    expect((await check({ content: '【测试违规】内容' })).body.result).toEqual({ suggest: 'risky', label: 20001 });
    // The title counts too, and risky wins over review.
    expect((await check({ content: '正常', title: '【测试违规】【测试复核】' })).body.result).toMatchObject({
      suggest: 'risky',
    });
  });

  it('validates like WeChat: token, version, openid, scene, content', async () => {
    expect((await h.post('/wxa/msg_sec_check', { version: 2 })).body.errcode).toBe(41001);
    expect((await h.post('/wxa/msg_sec_check', { version: 2 }, { access_token: 'nope' })).body.errcode).toBe(40001);
    expect((await callWithToken(h, '/wxa/msg_sec_check', 'not json')).body.errcode).toBe(47001);
    expect((await check({ version: 1, content: 'x' })).body.errcode).toBe(47001);
    expect((await check({ version: '2', content: 'x' })).body.errcode).toBe(0);
    expect((await check({ openid: 'short', content: 'x' })).body.errcode).toBe(40003);
    expect((await check({ openid: undefined, content: 'x' })).body.errcode).toBe(40003);
    expect((await check({ scene: 5, content: 'x' })).body.errcode).toBe(40129);
    expect((await check({ content: '' })).body.errcode).toBe(44002);
    expect((await check({ content: 7 })).body.errcode).toBe(47001);
    expect((await check({ content: '字'.repeat(2501) })).body.errcode).toBe(47001);
    expect((await h.get('/wxa/msg_sec_check')).body.errcode).toBe(43002);
  });
});

describe('media_check_async v2 and the wxa_media_check push', () => {
  let h: Harness;
  let receiver: Receiver;
  beforeEach(async () => {
    receiver = await startReceiver();
    h = await startHarness(undefined, {
      clock: Date.now(),
      mediaCheckDelayMs: 10,
      pushRetryDelayMs: 10,
      push: { url: receiver.url, token: TOKEN, aesKey: AES_KEY },
    });
  });
  afterEach(async () => {
    await h.close();
    await receiver.close();
  });

  const submit = (name: string, extra: Record<string, unknown> = {}) =>
    callWithToken(h, '/wxa/media_check_async', {
      media_url: `${receiver.base}/media/${name}`,
      media_type: 2,
      version: 2,
      scene: 3,
      openid: OPENID,
      ...extra,
    } as never);

  function decodePush(index: number): Record<string, unknown> {
    const push = receiver.received[index];
    const q = push.query;
    const body = JSON.parse(push.body) as { ToUserName: string; Encrypt: string };
    expect(q.get('encrypt_type')).toBe('aes');
    expect(q.get('signature')).toBe(wxSignature(TOKEN, q.get('timestamp') ?? '', q.get('nonce') ?? ''));
    expect(q.get('msg_signature')).toBe(
      wxSignature(TOKEN, q.get('timestamp') ?? '', q.get('nonce') ?? '', body.Encrypt),
    );
    const { message, appid } = decryptPush(AES_KEY, body.Encrypt);
    expect(appid).toBe(APP_A.appid);
    return JSON.parse(message) as Record<string, unknown>;
  }

  it('pushes pass / review / risky verdicts in safe mode, keyed by trace_id', async () => {
    receiver.media.set('ok.jpg', Buffer.from('JPEG...plain'));
    receiver.media.set('bad.jpg', Buffer.from('JPEG...ZHILI-SIM-RISKY'));
    receiver.media.set('hmm.jpg', Buffer.from('JPEG...ZHILI-SIM-REVIEW'));
    const traces: string[] = [];
    for (const name of ['ok.jpg', 'bad.jpg', 'hmm.jpg']) {
      const reply = await submit(name);
      expect(reply.body).toMatchObject({ errcode: 0, errmsg: 'ok' });
      traces.push(String(reply.body.trace_id));
    }
    await h.sim.idle();
    expect(receiver.received).toHaveLength(3);
    const events = receiver.received.map((_, i) => decodePush(i));
    const byTrace = new Map(events.map((e) => [e.trace_id, e]));
    expect(byTrace.get(traces[0])).toMatchObject({
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: APP_A.appid,
      FromUserName: OPENID,
      version: 2,
      result: { suggest: 'pass', label: 100 },
    });
    expect(byTrace.get(traces[1])).toMatchObject({ result: { suggest: 'risky', label: 20002 } });
    expect(byTrace.get(traces[2])).toMatchObject({ result: { suggest: 'review' } });
    expect(receiver.received[0].contentType).toBe('application/json');
    expect(h.sim.mediaChecks().every((c) => c.status === 'pushed' && c.pushAttempts === 1)).toBe(true);
  });

  it('applies verdicts registered by sha256', async () => {
    const bytes = Buffer.from('an innocent-looking file');
    receiver.media.set('reg.jpg', bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect((await h.post('/__dev/media-verdict', { sha256, suggest: 'risky' })).status).toBe(200);
    expect((await h.post('/__dev/media-verdict', { sha256, suggest: 'bad' })).status).toBe(400);
    await submit('reg.jpg');
    await h.sim.idle();
    expect(decodePush(0)).toMatchObject({ result: { suggest: 'risky' } });
  });

  it('reports an undownloadable URL as review with detail errcode -1008', async () => {
    await submit('missing.jpg');
    await h.sim.idle();
    const event = decodePush(0);
    expect(event.result).toEqual({ suggest: 'review', label: 100 });
    expect(event.detail).toEqual([{ strategy: 'content_model', errcode: -1008 }]);
    expect(h.sim.mediaChecks()[0].fetchError).toBe('HTTP 404');
  });

  it('retries a push the receiver does not acknowledge, at most 3 times', async () => {
    receiver.media.set('ok.jpg', Buffer.from('x'));
    receiver.replies.push({ status: 500, text: 'oops' }, { status: 200, text: 'nope' });
    await submit('ok.jpg');
    await h.sim.idle();
    expect(receiver.received).toHaveLength(3);
    // A retry re-sends the same signed request.
    expect(receiver.received[2].query.get('nonce')).toBe(receiver.received[0].query.get('nonce'));
    expect(h.sim.mediaChecks()[0]).toMatchObject({ status: 'pushed', pushAttempts: 3 });

    receiver.replies.push(...Array.from({ length: 4 }, () => ({ status: 401, text: 'no' })));
    await submit('ok.jpg');
    await h.sim.idle();
    expect(receiver.received).toHaveLength(7);
    expect(h.sim.mediaChecks()[1]).toMatchObject({ status: 'push_failed', pushAttempts: 4 });
  });

  it('pushes plaintext JSON when no AES key is configured, and nothing without a target', async () => {
    receiver.media.set('ok.jpg', Buffer.from('x'));
    h.sim.setPush({ url: receiver.url, token: TOKEN });
    await submit('ok.jpg');
    await h.sim.idle();
    const push = receiver.received[0];
    expect(push.query.get('msg_signature')).toBeNull();
    expect(JSON.parse(push.body)).toMatchObject({ Event: 'wxa_media_check', result: { suggest: 'pass' } });

    h.sim.setPush(null);
    await submit('ok.jpg');
    await h.sim.idle();
    expect(receiver.received).toHaveLength(1);
    expect(h.sim.mediaChecks()[1].status).toBe('no_push_target');
    expect((await h.get('/__dev/push')).body).toEqual({ url: null });
    expect((await h.post('/__dev/push', { url: receiver.url, token: TOKEN, aesKey: AES_KEY })).body).toEqual({
      url: receiver.url,
      mode: 'safe',
    });
    expect((await h.post('/__dev/push', { url: receiver.url, token: 'x' })).status).toBe(400);
  });

  it('validates media_url, media_type, openid and scene', async () => {
    expect((await submit('a.jpg', { media_url: 'ftp://x/y' })).body.errcode).toBe(47001);
    expect((await submit('a.jpg', { media_url: undefined })).body.errcode).toBe(44002);
    expect((await submit('a.jpg', { media_type: 3 })).body.errcode).toBe(47001);
    expect((await submit('a.jpg', { openid: 'x' })).body.errcode).toBe(40003);
    expect((await submit('a.jpg', { scene: 0 })).body.errcode).toBe(40129);
    expect(h.sim.mediaChecks()).toHaveLength(0);
  });
});
