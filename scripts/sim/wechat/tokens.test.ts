import {
  FORCE_REFRESH_DAILY_LIMIT,
  FORCE_REFRESH_MIN_INTERVAL_MS,
  LEGACY_OVERLAP_MS,
  STABLE_EARLY_RENEW_MS,
  TOKEN_TTL_MS,
} from './tokens';
import { APP_A, APP_B, stableToken, startHarness, tokenErrcode, tokenOf, type Harness } from './test-helpers';

const ACCEPTED = 41008; // token accepted, body lacked a code (see tokenErrcode)

describe('POST /cgi-bin/stable_token', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.close());

  it('returns the same token with a decreasing expires_in in normal mode', async () => {
    const first = await stableToken(h);
    expect(first.body.expires_in).toBe(7200);
    h.advance(1000 * 1000);
    const second = await stableToken(h, false);
    expect(tokenOf(second)).toBe(tokenOf(first));
    expect(second.body.expires_in).toBe(6200);
    expect(await tokenErrcode(h, tokenOf(first))).toBe(ACCEPTED);
  });

  it('renews in the last 5 minutes while the old token lives on until its own expiry', async () => {
    const first = tokenOf(await stableToken(h));
    h.advance(TOKEN_TTL_MS - STABLE_EARLY_RENEW_MS);
    const renewed = await stableToken(h);
    expect(tokenOf(renewed)).not.toBe(first);
    expect(renewed.body.expires_in).toBe(7200);
    expect(await tokenErrcode(h, first)).toBe(ACCEPTED);
    h.advance(STABLE_EARLY_RENEW_MS);
    expect(await tokenErrcode(h, first)).toBe(42001);
    expect(await tokenErrcode(h, tokenOf(renewed))).toBe(ACCEPTED);
  });

  it('expires a token after 7200 s (42001)', async () => {
    const token = tokenOf(await stableToken(h));
    h.advance(TOKEN_TTL_MS - 1);
    expect(await tokenErrcode(h, token)).toBe(ACCEPTED);
    h.advance(1);
    expect(await tokenErrcode(h, token)).toBe(42001);
  });

  it('force_refresh issues a new token and invalidates the previous one (40001)', async () => {
    const old = tokenOf(await stableToken(h));
    const fresh = await stableToken(h, true);
    expect(tokenOf(fresh)).not.toBe(old);
    expect(fresh.body.expires_in).toBe(7200);
    expect(await tokenErrcode(h, old)).toBe(40001);
    expect(await tokenErrcode(h, tokenOf(fresh))).toBe(ACCEPTED);
    // Normal mode now returns the refreshed token.
    expect(tokenOf(await stableToken(h))).toBe(tokenOf(fresh));
  });

  it('enforces 30 s between force refreshes (45011) and 20 per Beijing day (45009)', async () => {
    expect((await stableToken(h, true)).body.expires_in).toBe(7200);
    h.advance(FORCE_REFRESH_MIN_INTERVAL_MS - 1);
    expect((await stableToken(h, true)).body.errcode).toBe(45011);
    h.advance(1);
    expect((await stableToken(h, true)).body.expires_in).toBe(7200);

    for (let i = 2; i < FORCE_REFRESH_DAILY_LIMIT; i += 1) {
      h.advance(FORCE_REFRESH_MIN_INTERVAL_MS);
      expect((await stableToken(h, true)).body).toHaveProperty('access_token');
    }
    h.advance(FORCE_REFRESH_MIN_INTERVAL_MS);
    expect((await stableToken(h, true)).body.errcode).toBe(45009);
    // Quotas are per app, and normal mode is unaffected.
    expect((await stableToken(h, true, APP_B)).body).toHaveProperty('access_token');
    expect((await stableToken(h)).body).toHaveProperty('access_token');
    // The harness starts at Beijing midnight, so one day later the quota is fresh.
    h.advance(24 * 3600 * 1000);
    expect((await stableToken(h, true)).body).toHaveProperty('access_token');
  });

  it('reports bad bodies, credentials, grant_type and method with WeChat errcodes', async () => {
    const post = (body: string) => h.post('/cgi-bin/stable_token', body);
    const good = { grant_type: 'client_credential', appid: APP_A.appid, secret: APP_A.secret };
    expect((await post('{"grant_type":')).body.errcode).toBe(47001);
    expect((await post('[1,2]')).body.errcode).toBe(47001);
    expect((await post('')).body.errcode).toBe(44002);
    expect((await post(JSON.stringify({ ...good, force_refresh: 'yes' }))).body.errcode).toBe(47001);
    expect((await post(JSON.stringify({ ...good, grant_type: 'password' }))).body.errcode).toBe(40002);
    expect((await post(JSON.stringify({ ...good, appid: undefined }))).body.errcode).toBe(41002);
    expect((await post(JSON.stringify({ ...good, secret: undefined }))).body.errcode).toBe(41004);
    expect((await post(JSON.stringify({ ...good, appid: 'wxnope' }))).body.errcode).toBe(40013);
    expect((await post(JSON.stringify({ ...good, secret: 'wrong' }))).body.errcode).toBe(40125);
    expect((await h.get('/cgi-bin/stable_token')).body.errcode).toBe(43002);
  });
});

describe('GET /cgi-bin/token', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.close());

  const legacy = (query: Record<string, string> = {}) =>
    h.get('/cgi-bin/token', { grant_type: 'client_credential', appid: APP_A.appid, secret: APP_A.secret, ...query });

  it('issues a new token per call; the previous one works 5 more minutes, then 40001', async () => {
    const first = await legacy();
    expect(first.body.expires_in).toBe(7200);
    const second = await legacy();
    expect(tokenOf(second)).not.toBe(tokenOf(first));
    h.advance(LEGACY_OVERLAP_MS - 1);
    expect(await tokenErrcode(h, tokenOf(first))).toBe(ACCEPTED);
    h.advance(1);
    expect(await tokenErrcode(h, tokenOf(first))).toBe(40001);
    expect(await tokenErrcode(h, tokenOf(second))).toBe(ACCEPTED);
  });

  it('is isolated from stable tokens', async () => {
    const stable = tokenOf(await stableToken(h));
    await legacy();
    await legacy();
    h.advance(LEGACY_OVERLAP_MS);
    expect(await tokenErrcode(h, stable)).toBe(ACCEPTED);
  });

  it('uses 40001 for a wrong secret (per the getAccessToken doc), 40002 and 40013 otherwise', async () => {
    expect((await legacy({ secret: 'wrong' })).body.errcode).toBe(40001);
    expect((await legacy({ grant_type: 'authorization_code' })).body.errcode).toBe(40002);
    expect((await legacy({ appid: 'wxnope' })).body.errcode).toBe(40013);
    expect((await legacy({ appid: '' })).body.errcode).toBe(41002);
    expect((await h.request('DELETE', '/cgi-bin/token')).body.errcode).toBe(43001);
  });
});
