import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { ConfigError, loadEnv } from '../src/config/env';
import { AMAP_SOURCES, pageCsp, webSecurityOptions } from '../src/core/http/security';

const backend = currentBackend();

const required = {
  JWT_SECRET: 'x'.repeat(32),
  WECHAT_APPID: 'wx0123456789abcdef',
  WECHAT_SECRET: 'a'.repeat(32),
  PII_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  PII_ACTIVE_KEY_ID: 'k1',
  PII_HMAC_KEY: Buffer.alloc(32, 2).toString('base64'),
};

describe('web security configuration', () => {
  it('defaults to same-origin only, trusting the proxy for TLS, without AMap', () => {
    expect(webSecurityOptions(loadEnv(required))).toEqual({ corsOrigins: [], trustProxyTls: true, allowAmap: false });
  });

  it('reads an origin list and the switches', () => {
    const env = loadEnv({
      ...required,
      CORS_ORIGINS: 'https://a.example.com/, http://localhost:5173',
      TRUST_PROXY_TLS: 'false',
      VITE_AMAP_KEY: 'k',
    });
    expect(webSecurityOptions(env)).toEqual({
      corsOrigins: ['https://a.example.com', 'http://localhost:5173'],
      trustProxyTls: false,
      allowAmap: true,
    });
    expect(webSecurityOptions(loadEnv({ ...required, VITE_AMAP_KEY: 'k', CSP_ALLOW_AMAP: '0' })).allowAmap).toBe(false);
  });

  it.each([['*'], ['https://*.example.com'], ['https://a.example.com/path'], ['ftp://a.example.com'], ['example.com']])(
    'refuses %s as a CORS origin',
    (origin) => {
      expect(() => loadEnv({ ...required, CORS_ORIGINS: origin })).toThrow(ConfigError);
    },
  );

  it('refuses a switch that is not a yes/no', () => {
    expect(() => loadEnv({ ...required, TRUST_PROXY_TLS: 'maybe' })).toThrow(/TRUST_PROXY_TLS/);
  });

  it('adds the AMap sources to the page policy only when asked', () => {
    const plain = pageCsp(false);
    const withMap = pageCsp(true);
    expect(JSON.stringify(plain)).not.toContain('amap');
    for (const source of AMAP_SOURCES.script) expect(withMap['script-src']).toContain(source);
    expect(withMap['img-src']).toEqual(expect.arrayContaining(AMAP_SOURCES.img));
    expect(withMap['worker-src']).toContain('blob:');
    // Never inline script or eval, map or no map.
    for (const policy of [plain, withMap])
      expect(policy['script-src']).not.toEqual(expect.arrayContaining(["'unsafe-inline'"]));
    for (const policy of [plain, withMap])
      expect(policy['script-src']).not.toEqual(expect.arrayContaining(["'unsafe-eval'"]));
  });
});

describe(`security headers with AMap enabled and an untrusted proxy on ${backend.name}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend, { TRUST_PROXY_TLS: 'false', VITE_AMAP_KEY: 'test-amap-key' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('allows the AMap domains in the admin policy and sends the origin as referrer', async () => {
    const res = await t.http().get('/admin/');
    expect(res.headers['content-security-policy']).toContain('https://webapi.amap.com');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    // API answers are unaffected.
    expect((await t.http().get('/api/health')).headers['content-security-policy']).not.toContain('amap');
  });

  it('ignores X-Forwarded-Proto from a proxy it does not trust (no HSTS over plain HTTP)', async () => {
    const res = await t.http().get('/api/health').set('X-Forwarded-Proto', 'https');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('answers cross-origin requests without CORS headers when no origin is configured', async () => {
    const res = await t.http().get('/api/health').set('Origin', 'https://admin.example.gov.cn');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t
      .http()
      .options('/api/health')
      .set('Origin', 'https://admin.example.gov.cn')
      .set('Access-Control-Request-Method', 'GET');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });
});
