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
      const line = written.join('').split('\n').find((l) => l.includes('simulated failure 7f3a'));
      expect(line).toBeDefined();
      expect(line).toContain(requestId);
    } finally {
      restore.forEach((r) => r());
      service.profile = original;
    }
  });
});
