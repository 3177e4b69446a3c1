import { TypeORMDataSourceManager } from '@midwayjs/typeorm';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';

const backend = currentBackend();

describe(`HTTP edges on ${backend.name}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
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
    const res = await t.http().post('/api/mp/auth/login').send({ code: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses unknown fields rather than silently accepting them', async () => {
    const res = await t.http().post('/api/admin/auth/login').send({ username: 'a', password: 'b', role: 'super_admin' });
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
      expect.arrayContaining(['/api/health', '/api/mp/auth/login', '/api/mp/me', '/api/admin/auth/login', '/api/admin/me']),
    );
    const ui = await t.http().get('/api/docs/index.html');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
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
