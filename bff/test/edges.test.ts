import SwaggerParser from '@apidevtools/swagger-parser';
import { allRoutes } from '@zhili/shared';
import { TypeORMDataSourceManager } from '@midwayjs/typeorm';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { gzipSync } from 'zlib';
import { StaffLoginService } from '../src/modules/staff/staff-login.service';
import { currentBackend } from './support/backends';
import { mpLogin } from './support/mp-fixtures';
import { createRegion } from './support/staff-fixtures';
import { staffAs } from './support/staff-session';
import { startTestApp, TestApp } from './support/test-app';

const backend = currentBackend();

/** A built "admin" of our own: index.html and one asset, next to a file that must stay private. */
function fakeBuild(): { root: string; admin: string } {
  const root = mkdtempSync(join(tmpdir(), 'zhili-spa-'));
  const admin = join(root, 'admin');
  mkdirSync(join(admin, 'assets'), { recursive: true });
  writeFileSync(join(admin, 'index.html'), '<!doctype html><title>admin index</title>');
  writeFileSync(join(admin, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(admin, '.env'), 'SECRET=1');
  writeFileSync(join(root, 'secret.txt'), 'outside the build');
  return { root, admin };
}

/** A JSON text nested `depth` levels: {"a":{"a":…1…}}. */
const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describe(`HTTP edges on ${backend.name}`, () => {
  let t: TestApp;
  const build = fakeBuild();
  beforeAll(async () => {
    t = await startTestApp(backend, { ADMIN_STATIC_DIR: build.admin });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(build.root, { recursive: true, force: true });
  });

  it('reports health ok with the configured backends and a version', async () => {
    const res = await t.http().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      status: 'ok',
      db: backend.name === 'mysql+redis' ? 'mysql' : 'sqlite',
      cache: backend.name === 'mysql+redis' ? 'redis' : 'memory',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      checks: { db: { ok: true }, cache: { ok: true } },
    });
  });

  it('puts a request id on every response and echoes a well-formed incoming one', async () => {
    const fresh = await t.http().get('/api/health');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await t.http().get('/nope').set('X-Request-Id', 'trace-12345678');
    expect(echoed.headers['x-request-id']).toBe('trace-12345678');
    const hostile = await t.http().get('/api/health').set('X-Request-Id', 'bad id with spaces');
    expect(hostile.headers['x-request-id']).not.toBe('bad id with spaces');
  });

  it('answers an unknown route with a JSON 404', async () => {
    const res = await t.http().get('/api/does-not-exist');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: '请求的资源不存在' } });
  });

  it('answers malformed JSON with 400 MALFORMED_JSON, not a 500', async () => {
    const res = await t.http().post('/api/mp/auth/login').set('Content-Type', 'application/json').send('{"code": ');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MALFORMED_JSON');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('answers failed validation with 400 and field-level details in Chinese', async () => {
    const res = await t.http().post('/api/mp/auth/login').send({ nickname: '' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const fields = (res.body.error.details as { field: string; message: string }[]).map((d) => d.field);
    expect(fields).toContain('code');
    expect(res.body.error.details[0].message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it.each([
    ['a JSON array', '[1,2,3]', 'application/json'],
    ['a JSON string', '"code"', 'application/json'],
    ['a number where a string belongs', '{"code": 12345}', 'application/json'],
    ['null', 'null', 'application/json'],
    ['a form body', 'code=', 'application/x-www-form-urlencoded'],
    ['plain text', 'code=abc', 'text/plain'],
  ])('answers %s with a 4xx JSON error, never a 500', async (_label, body, type) => {
    const res = await t.http().post('/api/mp/auth/login').set('Content-Type', type).send(body);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.error.code).toMatch(/^[A-Z_]+$/);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('answers an oversized body with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await t
      .http()
      .post('/api/mp/auth/login')
      .send({ code: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses unknown fields rather than silently accepting them', async () => {
    const res = await t
      .http()
      .post('/api/admin/auth/login')
      .send({ username: 'a', password: 'b', role: 'super_admin' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain('role');
  });

  it('requires a token on protected routes (401) and rejects a forged one', async () => {
    const missing = await t.http().get('/api/mp/me');
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe('AUTH_REQUIRED');
    const forged = await t.http().get('/api/admin/me').set('Authorization', 'Bearer eyJhbGciOiJub25lIn0.e30.');
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('AUTH_TOKEN_INVALID');
  });

  it('serves the OpenAPI document generated from the controllers', async () => {
    const res = await t.http().get('/api/docs/index.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/mp/auth/login',
        '/api/mp/me',
        '/api/admin/auth/login',
        '/api/admin/me',
      ]),
    );
    const ui = await t.http().get('/api/docs/index.html');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('serves a valid OpenAPI 3.0 document: decorator routes and contract routes together, every $ref resolving', async () => {
    const doc = (await t.http().get('/api/docs/index.json')).body as Parameters<typeof SwaggerParser.validate>[0];
    await expect(SwaggerParser.validate(doc)).resolves.toBeTruthy();
  });

  it('documents a success response schema on every operation (issue #12), and every contract route has a handler', async () => {
    const doc = (await t.http().get('/api/docs/index.json')).body as {
      paths: Record<
        string,
        Record<string, { responses?: Record<string, { content?: Record<string, { schema?: object }> }> }>
      >;
    };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(150);
    const undescribed = operations
      .filter(({ op }) => {
        const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
        // 204 has no body; every other success names the schema of what it sends (JSON, XML or a file).
        return !success.some(([status, r]) => status === '204' || Object.values(r.content ?? {}).some((c) => c.schema));
      })
      .map(({ path, method }) => `${method.toUpperCase()} ${path}`);
    expect(undescribed).toEqual([]);
    const contractPaths = allRoutes().map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(contractPaths.filter((key) => !operations.some(({ path, method }) => `${method} ${path}` === key))).toEqual(
      [],
    );
  });

  it('serves the API docs at exactly /api/docs/: redirect, UI, document, JSON 404 for the rest', async () => {
    const bare = await t.http().get('/api/docs');
    expect(bare.status).toBe(302);
    expect(bare.headers.location).toBe('/api/docs/');
    const page = await t.http().get('/api/docs/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('swagger-initializer.js');
    const init = await t.http().get('/api/docs/swagger-initializer.js');
    expect(init.status).toBe(200);
    // The UI loads the document by its absolute path, whatever URL the page was opened with.
    expect(init.text).toContain("url: '/api/docs/index.json'");
    for (const path of [
      '/api/docs/xyz',
      '/api/docs/package.json',
      '/api/docs/../package.json',
      '/foo/api/docs/index.json',
      '/x/api/docs/',
    ]) {
      const res = await t.http().get(path);
      expect({ path, status: res.status, code: res.body?.error?.code }).toEqual({
        path,
        status: 404,
        code: 'NOT_FOUND',
      });
    }
  });

  it('sends the page security headers with every docs file', async () => {
    for (const path of [
      '/api/docs/',
      '/api/docs/index.json',
      '/api/docs/swagger-ui-bundle.js',
      '/api/docs/swagger-ui.css',
    ]) {
      const res = await t.http().get(path);
      expect(res.status).toBe(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
  });

  it.each(['/admin/%E0%A4%A', '/h5/%E0%A4%A', '/admin/%', '/admin/assets/%C0%AF'])(
    'answers malformed percent-encoding %s with 400 JSON',
    async (path) => {
      const res = await t.http().get(path);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BAD_REQUEST');
    },
  );

  it('answers SPA paths alike whether or not a traversed file exists (no existence oracle)', async () => {
    const asset = await t.http().get('/admin/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.text).toBe('console.log(1)');
    // Traversal to a file that exists and to one that does not: the same 400.
    for (const [exists, missing] of [
      ['/admin/..%2fsecret.txt', '/admin/..%2fnothere.txt'],
      ['/admin/assets/..%2f..%2fsecret.txt', '/admin/assets/..%2f..%2fnothere.txt'],
      ['/admin/%2e%2e/secret.txt', '/admin/%2e%2e/nothere.txt'],
    ]) {
      const [a, b] = await Promise.all([t.http().get(exists), t.http().get(missing)]);
      expect([a.status, a.body]).toEqual([b.status, b.body]);
      expect(a.status).toBe(400);
    }
    // A hidden file inside the build and a missing one: both are client routes (index.html).
    const [hidden, absent] = await Promise.all([t.http().get('/admin/.env'), t.http().get('/admin/.nothere')]);
    expect(hidden.status).toBe(200);
    expect(hidden.text).toBe(absent.text);
    expect(hidden.text).toContain('admin index');
    // A directory is not a file either.
    expect((await t.http().get('/admin/assets')).text).toContain('admin index');
  });

  it('answers a corrupt gzip body with 400 and an unsupported Content-Encoding with 415', async () => {
    const corrupt = await t
      .http()
      .post('/api/admin/auth/login')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send('not gzip');
    expect(corrupt.status).toBe(400);
    expect(corrupt.body.error.code).toBe('BAD_REQUEST');
    // Raw bytes through fetch: supertest would serialise a Buffer as JSON.
    const gzipped = (body: Uint8Array) =>
      fetch(`${t.url}/api/admin/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
        body,
      });
    const cut = await gzipped(gzipSync(JSON.stringify({ username: 'a', password: 'b' })).subarray(0, 12));
    expect([cut.status, ((await cut.json()) as { error: { code: string } }).error.code]).toEqual([400, 'BAD_REQUEST']);
    const unknown = await t
      .http()
      .post('/api/admin/auth/login')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'zstd2')
      .send('{}');
    expect(unknown.status).toBe(415);
    expect(unknown.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    // A correct gzip body still works (reaches validation).
    const ok = await gzipped(gzipSync('{}'));
    expect([ok.status, ((await ok.json()) as { error: { code: string } }).error.code]).toEqual([
      400,
      'VALIDATION_FAILED',
    ]);
  });

  it.each(['/api/admin/auth/login', '/api/admin/auth/refresh', '/api/mp/auth/refresh', '/api/mp/auth/login'])(
    'refuses a body nested 5,000 levels on %s with 400 before any handler runs',
    async (path) => {
      const deep = await t.http().post(path).set('Content-Type', 'application/json').send(nested(5000));
      expect(deep.status).toBe(400);
      expect(deep.body.error).toEqual({ code: 'BAD_REQUEST', message: '请求体嵌套层级过深（最多 32 层）' });
      const arrays = await t
        .http()
        .post(path)
        .set('Content-Type', 'application/json')
        .send(`{"x":${'['.repeat(40)}${']'.repeat(40)}}`);
      expect(arrays.status).toBe(400);
      // At the limit the body is parsed and meets the DTO's own rules (unknown field a).
      const atLimit = await t.http().post(path).set('Content-Type', 'application/json').send(nested(31));
      expect(atLimit.status).toBe(400);
      expect(atLimit.body.error.code).toBe('VALIDATION_FAILED');
    },
  );

  it('answers 400 and never calls the handler when the body is not what the route reads', async () => {
    const login = await t.get(StaffLoginService);
    const handler = jest.spyOn(login, 'login');
    try {
      // Shapes a schema cannot read at all (issue #11 found DTOs that could not be built reaching handlers).
      for (const body of ['[1,2,3]', '"just a string"', '42', 'null']) {
        const res = await t.http().post('/api/admin/auth/login').set('Content-Type', 'application/json').send(body);
        expect([body, res.status, res.body.error?.code]).toEqual([
          body,
          400,
          expect.stringMatching(/^(VALIDATION_FAILED|MALFORMED_JSON|BAD_REQUEST)$/),
        ]);
      }
      expect(handler).not.toHaveBeenCalled();
    } finally {
      handler.mockRestore();
    }
  });

  it('refuses control characters in names everywhere, and keeps line breaks only in multi-line text', async () => {
    const user = await mpLogin(t, 'edges-controls');
    for (const nickname of ['张\u0000三', '张\u0007三', '张\u009b三', '张\n三']) {
      const res = await t.http().patch('/api/mp/me').set('Authorization', user.auth).send({ nickname });
      expect([res.status, res.body.error?.code, res.body.error?.details?.[0]?.field]).toEqual([
        400,
        'VALIDATION_FAILED',
        'nickname',
      ]);
    }
    const ok = await t.http().patch('/api/mp/me').set('Authorization', user.auth).send({ nickname: '张三' });
    expect(ok.status).toBe(200);
    // Query strings too: the inbox search of a staff member.
    const town = await createRegion(t, '控制字符镇', 'town');
    const admin = await staffAs(t, { username: 'edges.town', roles: ['town_admin'], region: town });
    const q = await t.http().get('/api/admin/cases').query({ q: 'a\u0000b' }).set('Authorization', admin.auth);
    expect([q.status, q.body.error?.details?.[0]?.field]).toEqual([400, 'q']);
  });

  it('accepts only real calendar dates in date filters (?from=2026-13-45)', async () => {
    const town = await createRegion(t, '日期镇', 'town');
    const admin = await staffAs(t, { username: 'edges.dates', roles: ['town_admin'], region: town });
    const auditor = await staffAs(t, { username: 'edges.auditor', roles: ['auditor'] });
    for (const from of ['2026-13-45', '2026-02-30', '2026-04-31T10:00:00+08:00', '2026-12-01T25:00']) {
      const res = await t.http().get('/api/admin/cases').query({ from }).set('Authorization', admin.auth);
      expect([from, res.status, res.body.error?.code, res.body.error?.details?.[0]?.field]).toEqual([
        from,
        400,
        'VALIDATION_FAILED',
        'from',
      ]);
      expect(res.body.error.details[0].message).toMatch(/日期/);
    }
    const audit = await t
      .http()
      .get('/api/admin/audit')
      .query({ from: '2026-02-29T00:00:00Z' })
      .set('Authorization', auditor.auth);
    expect([audit.status, audit.body.error?.details?.[0]?.field]).toEqual([400, 'from']);
    for (const from of ['2026-12-01', '2024-02-29', '2026-12-01T08:00:00+08:00']) {
      const res = await t.http().get('/api/admin/cases').query({ from }).set('Authorization', admin.auth);
      expect([from, res.status]).toEqual([from, 200]);
    }
  });

  it('refuses an array longer than its schema allows before validating its items (no event-loop stall)', async () => {
    const town = await createRegion(t, '数组镇', 'town');
    const admin = await staffAs(t, { username: 'edges.arrays', roles: ['town_admin'], region: town });
    const started = Date.now();
    // 150,000 tag codes (< 1 MB): Joi used to spend ~1 ms per item before looking at max(32).
    const res = await t
      .http()
      .put(`/api/admin/persons/${'0'.repeat(8)}-0000-4000-8000-000000000000/tags`)
      .set('Authorization', admin.auth)
      .send({ codes: new Array(150_000).fill('abc') });
    expect([res.status, res.body.error?.details?.[0]]).toEqual([400, { field: 'codes', message: '最多 32 项' }]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reports degraded with HTTP 503 when the database goes away', async () => {
    const dataSource = (await t.get(TypeORMDataSourceManager)).getDataSource('default');
    await dataSource.destroy();
    const res = await t.http().get('/api/health');
    expect(res.status).toBe(503);
    expect(res.body.data.status).toBe('degraded');
    expect(res.body.data.checks.db.ok).toBe(false);
    expect(res.body.data.checks.cache.ok).toBe(true);
    await dataSource.initialize();
  });
});
