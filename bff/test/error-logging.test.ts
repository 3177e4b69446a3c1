import { MpUserService } from '../src/modules/mp-user/mp-user.service';
import { currentBackend } from './support/backends';
import { mpLogin } from './support/mp-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * An unexpected error answers 500 INTERNAL without details, and leaves a log line with the request
 * id and the error, so whoever runs the BFF can find out what happened.
 */
describe('logging of unexpected errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(currentBackend());
  });
  afterAll(() => t?.close());

  /**
   * The access lines of the request with id `id`. Taken where ctx.logger hands its lines to the app
   * logger: the unit-test config only lets errors through to the console.
   */
  function accessLines<T>(id: string, run: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
    const parent = t.app.getLogger('appLogger') as unknown as {
      transit: (level: string | false, meta: { ctx?: { requestId?: string } }, ...args: unknown[]) => void;
    };
    const lines: string[] = [];
    const spy = jest.spyOn(parent, 'transit').mockImplementation(function (this: unknown, level, meta, ...args) {
      if (level === 'info' && meta?.ctx?.requestId === id) lines.push(args.map(String).join(' '));
    });
    return run()
      .then((result) => ({ result, lines }))
      .finally(() => spy.mockRestore());
  }

  it.each([
    ['malformed JSON (refused by the body parser)', 'POST', '/api/mp/auth/login', '{"code": ', 'application/json', 400],
    ['a corrupt gzip body (refused by the body parser)', 'POST', '/api/mp/auth/login', 'gzip', 'application/json', 400],
    [
      'a body nested too deep',
      'POST',
      '/api/mp/auth/login',
      '{"a":'.repeat(100) + '1' + '}'.repeat(100),
      'application/json',
      400,
    ],
    [
      'an oversized body',
      'POST',
      '/api/mp/auth/login',
      JSON.stringify({ code: 'x'.repeat(1_100_000) }),
      'application/json',
      413,
    ],
    ['an unknown route', 'GET', '/api/nope', '', '', 404],
    ['malformed percent-encoding under /admin/', 'GET', '/admin/%E0%A4%A', '', '', 400],
    ['a static page', 'GET', '/admin/', '', '', 0],
    ['an API docs redirect', 'GET', '/api/docs', '', '', 302],
  ])('writes one access line with the request id for %s', async (_label, method, path, body, type, status) => {
    const id = `access-${Math.random().toString(36).slice(2, 10)}`;
    const { result: res, lines } = await accessLines(id, async () => {
      if (method === 'GET') return t.http().get(path).set('X-Request-Id', id);
      const req = t.http().post(path).set('Content-Type', type).set('X-Request-Id', id);
      return body === 'gzip' ? req.set('Content-Encoding', 'gzip').send('not gzip at all') : req.send(body);
    });
    // 0 = whatever the static mount answers here (200 when the admin is built, 503 when not).
    if (status) expect(res.status).toBe(status);
    expect(res.headers['x-request-id']).toBe(id);
    expect(lines.filter((l) => l.startsWith(`${method} ${path} ${res.status} `))).toHaveLength(1);
  });

  it('answers 500 INTERNAL and logs the error with the request id', async () => {
    const user = await mpLogin(t, 'log-test-user');
    const service = await t.get(MpUserService);
    const original = service.profile.bind(service);
    service.profile = async () => {
      throw new Error('simulated failure 7f3a');
    };
    const written: string[] = [];
    const capture = (stream: NodeJS.WriteStream) => {
      const write = stream.write.bind(stream);
      stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        written.push(String(chunk));
        return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write;
      return () => (stream.write = write);
    };
    const restore = [capture(process.stdout), capture(process.stderr)];
    try {
      const res = await t.http().get('/api/mp/me').set('Authorization', user.auth);
      expect(res.status).toBe(500);
      expect(res.body.error.code).toBe('INTERNAL');
      expect(JSON.stringify(res.body)).not.toContain('7f3a');
      const requestId = res.headers['x-request-id'];
      await new Promise((resolve) => setTimeout(resolve, 50));
      const line = written
        .join('')
        .split('\n')
        .find((l) => l.includes('simulated failure 7f3a'));
      expect(line).toBeDefined();
      expect(line).toContain(requestId);
    } finally {
      restore.forEach((r) => r());
      service.profile = original;
    }
  });
});
