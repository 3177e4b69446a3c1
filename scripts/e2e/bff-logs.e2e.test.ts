import { randomBytes } from 'crypto';
import { rmSync } from 'fs';
import { join } from 'path';
import { DEMO_APPID, repoRoot } from '../launcher/dev-env';
import { Stack, startStack } from '../launcher/stack';

/**
 * The built BFF as production runs it (NODE_ENV=production, MIDWAY_SERVER_ENV=prod) writes one JSON
 * line per request on stdout, carrying the request id of the response. Midway switches the console
 * off outside development unless the configuration names the transport, which once left a
 * production BFF without any log, 500s included.
 */
describe('BFF logs in production mode', () => {
  let stack: Stack;
  const lines: string[] = [];
  const file = `var/e2e/logs-${process.pid}.sqlite`;

  beforeAll(async () => {
    stack = await startStack({
      secrets: {
        JWT_SECRET: randomBytes(48).toString('base64url'),
        WECHAT_APPID: DEMO_APPID,
        WECHAT_SECRET: randomBytes(16).toString('hex'),
      },
      port: 0,
      simPort: 0,
      databaseUrl: `sqlite:${file}`,
      extraEnv: { LOG_LEVEL: 'info' },
      onLine: (line) => lines.push(line),
    });
  });
  afterAll(async () => {
    await stack?.stop();
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(repoRoot, file + suffix), { force: true });
  });

  it('writes a JSON line with the request id for each request', async () => {
    const res = await fetch(`${stack.bffUrl}/api/mp/me`);
    expect(res.status).toBe(401);
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    const deadline = Date.now() + 5000;
    const mine = () =>
      lines
        .map((l) => l.slice(l.indexOf('{')))
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { level: string; requestId?: string; path?: string; msg: string })
        .filter((entry) => entry.requestId === requestId);
    while (mine().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const entries = mine();
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.some((e) => e.path === '/api/mp/me' && /401/.test(e.msg))).toBe(true);
  });
});
