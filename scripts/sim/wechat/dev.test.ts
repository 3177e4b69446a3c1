import {
  APP_A,
  exchange,
  loginCode,
  stableToken,
  startHarness,
  tokenErrcode,
  tokenOf,
  type Harness,
} from './test-helpers';

describe('dev endpoints, CORS, faults and routing', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.close());

  it('sends CORS headers on /__dev/* (incl. preflight) and never on WeChat paths', async () => {
    const preflight = await h.request('OPTIONS', '/__dev/login-code');
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Content-Type');

    const dev = await h.post('/__dev/login-code', { appid: APP_A.appid, identity: 'alice' });
    expect(dev.headers.get('access-control-allow-origin')).toBe('*');
    const devError = await h.post('/__dev/login-code', { appid: 'wxnope', identity: 'alice' });
    expect(devError.headers.get('access-control-allow-origin')).toBe('*');

    const wx = await exchange(h, String(dev.body.code));
    expect(wx.body.openid).toBeDefined();
    expect(wx.headers.get('access-control-allow-origin')).toBeNull();
    const wxPreflight = await h.request('OPTIONS', '/cgi-bin/stable_token');
    expect(wxPreflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(wxPreflight.body.errcode).toBe(43002);
    const notFound = await h.get('/cgi-bin/nope');
    expect(notFound.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers unknown WeChat paths with 404 + errcode 40066', async () => {
    const reply = await h.get('/sns/jscode2sessionx');
    expect(reply.status).toBe(404);
    expect(reply.body.errcode).toBe(40066);
    expect(reply.headers.get('content-type')).toContain('application/json');
  });

  it('validates dev requests with 400/404/405 JSON errors', async () => {
    const unknownApp = await h.post('/__dev/login-code', { appid: 'wxnope', identity: 'alice' });
    expect(unknownApp.status).toBe(400);
    expect(unknownApp.body.error).toMatchObject({ code: 'BAD_REQUEST' });
    expect((await h.post('/__dev/login-code', { appid: APP_A.appid })).status).toBe(400);
    expect((await h.post('/__dev/login-code', 'not json')).status).toBe(400);
    expect((await h.post('/__dev/phone-code', { appid: 'wxnope', phoneNumber: '13800138000' })).status).toBe(400);
    expect((await h.post('/__dev/phone-code', { appid: APP_A.appid, phoneNumber: '138-0013' })).status).toBe(400);
    expect((await h.post('/__dev/nope', {})).status).toBe(404);
    expect((await h.get('/__dev/login-code')).status).toBe(405);
    expect((await h.get('/__dev/health')).body).toEqual({ status: 'ok', apps: [APP_A.appid, 'wxb000000000000002'] });
  });

  it('injects the next N failures on a path, then behaves normally again', async () => {
    const set = await h.post('/__dev/faults', { path: '/sns/jscode2session', times: 2 });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ errcode: -1, httpStatus: 200, times: 2 });
    expect((await h.get('/__dev/faults')).body).toEqual({ pending: { '/sns/jscode2session': 2 } });

    const code = await loginCode(h, 'alice');
    const first = await exchange(h, code);
    expect(first.status).toBe(200);
    expect(first.body.errcode).toBe(-1);
    expect((await exchange(h, code)).body.errcode).toBe(-1);
    // Injected failures do not consume the code, so the retry succeeds.
    expect((await exchange(h, code)).body.openid).toBeDefined();
    expect((await h.get('/__dev/faults')).body).toEqual({ pending: {} });
  });

  it('supports custom errcode, HTTP status and delay, and times: 0 clears', async () => {
    await h.post('/__dev/faults', { path: '/cgi-bin/stable_token', errcode: 45011, httpStatus: 503, times: 1 });
    const failed = await stableToken(h);
    expect(failed.status).toBe(503);
    expect(failed.body.errcode).toBe(45011);
    expect((await stableToken(h)).body.expires_in).toBe(7200);

    await h.post('/__dev/faults', { path: '/cgi-bin/token', times: 5 });
    await h.post('/__dev/faults', { path: '/cgi-bin/token', times: 0 });
    expect((await h.get('/__dev/faults')).body).toEqual({ pending: {} });

    await h.post('/__dev/faults', { path: '/cgi-bin/stable_token', times: 1, delayMs: 150 });
    const started = Date.now();
    expect((await stableToken(h)).body.errcode).toBe(-1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);

    expect((await h.post('/__dev/faults', { path: '/nope', times: 1 })).status).toBe(400);
    expect((await h.post('/__dev/faults', { path: '/cgi-bin/token' })).status).toBe(400);
    expect((await h.post('/__dev/faults', { path: '/cgi-bin/token', times: 1, httpStatus: 99 })).status).toBe(400);
  });

  it('reset forgets codes, tokens and faults', async () => {
    const code = await loginCode(h, 'alice');
    const token = tokenOf(await stableToken(h));
    await h.post('/__dev/faults', { path: '/cgi-bin/token', times: 3 });
    expect((await h.post('/__dev/reset', {})).body).toEqual({ ok: true });
    expect((await exchange(h, code)).body.errcode).toBe(40029);
    expect(await tokenErrcode(h, token)).toBe(40001);
    expect((await h.get('/__dev/faults')).body).toEqual({ pending: {} });
  });

  it('reports every request to onRequest with path, status, errcode and duration', async () => {
    await h.get('/cgi-bin/token', { grant_type: 'client_credential', appid: APP_A.appid, secret: 'wrong' });
    await h.post('/__dev/reset', {});
    expect(h.logs).toHaveLength(2);
    expect(h.logs[0]).toMatchObject({ method: 'GET', path: '/cgi-bin/token', status: 200, errcode: 40001 });
    expect(h.logs[1]).toMatchObject({ method: 'POST', path: '/__dev/reset', status: 200, errcode: null });
    expect(typeof h.logs[0].ms).toBe('number');
    // The query string (which carries the secret) is not part of the logged path.
    expect(JSON.stringify(h.logs)).not.toContain('wrong');
  });
});
