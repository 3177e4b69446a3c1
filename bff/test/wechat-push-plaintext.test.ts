import { currentBackend } from './support/backends';
import { startTestApp, TEST_APPID, TEST_PUSH_TOKEN, TestApp } from './support/test-app';
import { signPush } from '../../scripts/sim/wechat';

const backend = currentBackend();
const PATH = '/api/callbacks/wechat';

// One app per test file (Midway keeps per-process state): plaintext mode gets its own file.
describe(`WeChat message push in plaintext mode on ${backend.name}`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false', WECHAT_PUSH_AES_KEY: '' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const event = () => ({
    ToUserName: 'gh_0000000000aa',
    CreateTime: Math.floor(Date.now() / 1000),
    MsgType: 'event',
    Event: 'debug_demo',
  });
  const post = (query: Record<string, string>, body: string) =>
    t.http().post(PATH).query(query).set('Content-Type', 'application/json').send(body);

  it('accepts signed plaintext JSON when no AES key is configured, and nothing unsigned', async () => {
    expect(t.push).toEqual({ url: `${t.url}${PATH}`, token: TEST_PUSH_TOKEN });
    const signed = signPush({ token: TEST_PUSH_TOKEN }, TEST_APPID, event(), Date.now());
    expect((await post(signed.query, signed.body)).text).toBe('success');
    const forged = await post({ ...signed.query, signature: 'f'.repeat(40), nonce: '42' }, signed.body);
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('GOV_SIGNATURE_INVALID');
  });
});
