import { currentBackend } from './support/backends';
import { devLoginCode, startTestApp, TEST_APPID, TEST_SECRET, TestApp } from './support/test-app';
import { WechatClient } from '../src/modules/wechat';
import { InfraService } from '../src/core/infra/infra.service';
import type { Infra } from '../src/core/infra/types';
import { TOKEN_TTL_MS } from '../../scripts/sim/wechat';

const backend = currentBackend();
const TOKEN_KEY = `wechat:access_token:${TEST_APPID}`;
const STABLE_TOKEN = '/cgi-bin/stable_token';
const PHONE = '/wxa/business/getuserphonenumber';

describe(`WeChat access token on ${backend.name}`, () => {
  let t: TestApp;
  let wechat: WechatClient;
  let infra: Infra;

  beforeAll(async () => {
    t = await startTestApp(backend);
    wechat = await t.get(WechatClient);
    infra = (await t.get(InfraService)).infra;
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The simulator logs a request once its answer is flushed: give that a moment before counting. */
  async function simCalls(path: string): Promise<{ errcode: number | null }[]> {
    await new Promise((resolve) => setTimeout(resolve, 30));
    return t.simRequests.filter((r) => r.path === path).map(({ errcode }) => ({ errcode }));
  }

  async function simPost<T>(path: string, body: object): Promise<T> {
    const res = await fetch(`${t.sim.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await res.json()) as T;
  }

  const phoneCode = async (phoneNumber: string) =>
    (await simPost<{ code: string }>('/__dev/phone-code', { appid: TEST_APPID, phoneNumber })).code;

  const injectFault = (path: string, errcode: number, times = 1) => simPost('/__dev/faults', { path, errcode, times });

  it('fetches the stable token once and serves the second call from the shared cache', async () => {
    const first = await wechat.getAccessToken();
    const second = await wechat.getAccessToken();
    expect(first).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(second).toBe(first);
    expect(await simCalls(STABLE_TOKEN)).toEqual([{ errcode: null }]);
    expect(await infra.cache.get(TOKEN_KEY)).toBe(first);
    // Cached for WeChat's 7200 s minus the 300 s safety margin.
    const ttl = await infra.cache.ttl(TOKEN_KEY);
    expect(ttl).toBeGreaterThan(6800);
    expect(ttl).toBeLessThanOrEqual(6900);
  });

  it('serves ten concurrent callers from the cache without another fetch', async () => {
    const before = (await simCalls(STABLE_TOKEN)).length;
    const tokens = await Promise.all(Array.from({ length: 10 }, () => wechat.getAccessToken()));
    expect(new Set(tokens).size).toBe(1);
    expect((await simCalls(STABLE_TOKEN)).length).toBe(before);
  });

  it('fetches once for ten concurrent callers when the cache is empty (they wait on the lock)', async () => {
    await infra.cache.del(TOKEN_KEY);
    const before = (await simCalls(STABLE_TOKEN)).length;
    const tokens = await Promise.all(Array.from({ length: 10 }, () => wechat.getAccessToken()));
    expect(new Set(tokens).size).toBe(1);
    expect((await simCalls(STABLE_TOKEN)).length).toBe(before + 1);
    expect(await infra.cache.get(TOKEN_KEY)).toBe(tokens[0]);
  });

  it('retries a stable_token call once when WeChat answers "system busy" (-1)', async () => {
    await infra.cache.del(TOKEN_KEY);
    const before = await simCalls(STABLE_TOKEN);
    await injectFault(STABLE_TOKEN, -1);
    const token = await wechat.getAccessToken();
    expect(await infra.cache.get(TOKEN_KEY)).toBe(token);
    expect((await simCalls(STABLE_TOKEN)).slice(before.length)).toEqual([{ errcode: -1 }, { errcode: null }]);
  });

  it('exchanges a phone code for the phone number using the cached token', async () => {
    const before = (await simCalls(STABLE_TOKEN)).length;
    const phone = await wechat.getPhoneNumber(await phoneCode('13800138000'));
    expect(phone).toEqual(
      expect.objectContaining({ phoneNumber: '13800138000', purePhoneNumber: '13800138000', countryCode: '86' }),
    );
    expect((await simCalls(STABLE_TOKEN)).length).toBe(before);
  });

  it('refreshes automatically when WeChat has invalidated the cached token (40001), then caches the new one', async () => {
    const stale = await wechat.getAccessToken();
    // Someone (another deployment, the WeChat console…) force-refreshes: the cached token dies at once.
    const forced = await simPost<{ access_token?: string; errcode?: number }>(STABLE_TOKEN, {
      grant_type: 'client_credential',
      appid: TEST_APPID,
      secret: TEST_SECRET,
      force_refresh: true,
    });
    expect(forced.errcode).toBeUndefined();
    expect(forced.access_token).toBeDefined();
    expect(forced.access_token).not.toBe(stale);
    const phonesBefore = (await simCalls(PHONE)).length;

    const phone = await wechat.getPhoneNumber(await phoneCode('13900139000'));

    expect(phone.phoneNumber).toBe('13900139000');
    expect((await simCalls(PHONE)).slice(phonesBefore)).toEqual([{ errcode: 40001 }, { errcode: 0 }]);
    expect(await infra.cache.get(TOKEN_KEY)).toBe(forced.access_token);
    expect(await wechat.getAccessToken()).toBe(forced.access_token);
  });

  it('does not retry the phone call for errors that are not about the token', async () => {
    const phonesBefore = (await simCalls(PHONE)).length;
    await expect(wechat.getPhoneNumber('made-up-phone-code')).rejects.toMatchObject({
      code: 'WECHAT_CODE_INVALID',
      errcode: 40029,
    });
    expect((await simCalls(PHONE)).slice(phonesBefore)).toEqual([{ errcode: 40029 }]);
  });

  it('maps errcode 45011 on jscode2session to 429 WECHAT_RATE_LIMITED on login', async () => {
    const code = await devLoginCode(t.sim, 'rate-limited');
    await injectFault('/sns/jscode2session', 45011);
    const res = await t.http().post('/api/mp/auth/login').send({ code });
    expect(res.status).toBe(429);
    expect(res.body.error).toEqual({ code: 'WECHAT_RATE_LIMITED', message: '微信登录过于频繁，请稍后再试' });
    // The injected failure did not consume the code: the user's retry goes through.
    const retry = await t.http().post('/api/mp/auth/login').send({ code });
    expect(retry.status).toBe(200);
  });

  // Last: moves the simulator's clock past every token's lifetime.
  it('refreshes automatically when the cached token has expired at WeChat (42001)', async () => {
    const old = await wechat.getAccessToken();
    t.clock.advance(TOKEN_TTL_MS + 1000);
    const phonesBefore = (await simCalls(PHONE)).length;

    const phone = await wechat.getPhoneNumber(await phoneCode('13700137000'));

    expect(phone.phoneNumber).toBe('13700137000');
    expect((await simCalls(PHONE)).slice(phonesBefore)).toEqual([{ errcode: 42001 }, { errcode: 0 }]);
    const renewed = await infra.cache.get(TOKEN_KEY);
    expect(renewed).not.toBeNull();
    expect(renewed).not.toBe(old);
  });
});
