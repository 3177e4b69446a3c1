import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';

const backend = currentBackend();
const ALLOWED = 'https://admin.example.gov.cn';

/** Parses a CSP header into directive → sources. */
function csp(header: string | undefined): Record<string, string[]> {
  return Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

describe(`security headers and CORS on ${backend.name}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend, { CORS_ORIGINS: `${ALLOWED}, http://localhost:5173` });
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each([
    ['an API answer', '/api/health', 200],
    ['an error answer', '/api/nope', 404],
    ['a refused request', '/api/admin/me', 401],
  ])('puts the baseline headers on %s', async (_label, path, status) => {
    const res = await t.http().get(path);
    expect(res.status).toBe(status);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-powered-by']).toBeUndefined();
    const policy = csp(res.headers['content-security-policy']);
    expect(policy['default-src']).toEqual(["'none'"]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
  });

  it('gives the admin app a strict script policy that still allows Element Plus styles', async () => {
    const res = await t.http().get('/admin/');
    const policy = csp(res.headers['content-security-policy']);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(res.headers['content-security-policy']).not.toMatch(/amap|unsafe-eval/);
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('keeps the H5 build unframeable without breaking its inline bootstrap', async () => {
    const policy = csp((await t.http().get('/h5/')).headers['content-security-policy']);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(policy['script-src']).toBeUndefined();
  });

  it('sends HSTS only over HTTPS (here: the trusted proxy says so)', async () => {
    expect((await t.http().get('/api/health')).headers['strict-transport-security']).toBeUndefined();
    const https = await t.http().get('/api/health').set('X-Forwarded-Proto', 'https');
    expect(https.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  describe('CORS', () => {
    it('answers an allowed origin with its own origin, also on errors', async () => {
      const ok = await t.http().get('/api/health').set('Origin', ALLOWED);
      expect(ok.headers['access-control-allow-origin']).toBe(ALLOWED);
      expect(ok.headers['access-control-allow-credentials']).toBeUndefined();
      expect(ok.headers['access-control-expose-headers']).toContain('X-Request-Id');
      expect(ok.headers.vary).toMatch(/Origin/);
      const refused = await t.http().get('/api/admin/me').set('Origin', ALLOWED);
      expect(refused.status).toBe(401);
      expect(refused.headers['access-control-allow-origin']).toBe(ALLOWED);
    });

    it('handles the preflight of an allowed origin', async () => {
      const res = await t
        .http()
        .options('/api/admin/users')
        .set('Origin', ALLOWED)
        .set('Access-Control-Request-Method', 'PATCH')
        .set('Access-Control-Request-Headers', 'authorization,content-type');
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
      expect(res.headers['access-control-allow-methods']).toContain('PATCH');
      expect(res.headers['access-control-allow-headers']).toMatch(/Authorization/);
      expect(res.headers['access-control-max-age']).toBe('600');
    });

    it.each([['https://evil.example.com'], ['https://admin.example.gov.cn.evil.com'], ['null']])(
      'gives the origin %s no CORS headers at all',
      async (origin) => {
        const simple = await t.http().get('/api/health').set('Origin', origin);
        expect(simple.status).toBe(200);
        expect(simple.headers['access-control-allow-origin']).toBeUndefined();
        const preflight = await t
          .http()
          .options('/api/admin/users')
          .set('Origin', origin)
          .set('Access-Control-Request-Method', 'DELETE');
        expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
        expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
      },
    );

    it('applies the same allow-list to socket.io long-polling', async () => {
      const poll = (origin: string) =>
        fetch(`${t.url}/socket.io/?EIO=4&transport=polling`, { headers: { Origin: origin } });
      expect((await poll(ALLOWED)).headers.get('access-control-allow-origin')).toBe(ALLOWED);
      expect((await poll('https://evil.example.com')).headers.get('access-control-allow-origin')).toBeNull();
    });

    it('does not apply to the static apps', async () => {
      const res = await t.http().get('/admin/').set('Origin', ALLOWED);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
