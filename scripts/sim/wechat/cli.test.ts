import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DEFAULT_HOST, DEFAULT_PORT, parseCliConfig } from './cli-config';

describe('parseCliConfig', () => {
  it('applies defaults and parses apps (secrets may contain ":")', () => {
    expect(parseCliConfig({ WECHAT_SIM_APPS: 'wx1:s1, wx2:s:2' })).toEqual({
      ok: true,
      config: {
        port: DEFAULT_PORT,
        host: DEFAULT_HOST,
        apps: [
          { appid: 'wx1', secret: 's1' },
          { appid: 'wx2', secret: 's:2' },
        ],
      },
    });
    expect(DEFAULT_PORT).toBe(7002);
    const custom = parseCliConfig({ WECHAT_SIM_APPS: 'wx1:s1', WECHAT_SIM_PORT: '0', WECHAT_SIM_HOST: '::1' });
    expect(custom).toMatchObject({ ok: true, config: { port: 0, host: '::1' } });
  });

  it('reads the push target and the media-check delay', () => {
    const key = 'a'.repeat(43);
    const env = {
      WECHAT_SIM_APPS: 'wx1:s1',
      WECHAT_SIM_PUSH_URL: 'http://127.0.0.1:7001/api/callbacks/wechat',
      WECHAT_SIM_PUSH_TOKEN: 'tok123',
    };
    expect(
      parseCliConfig({ ...env, WECHAT_SIM_PUSH_AES_KEY: key, WECHAT_SIM_MEDIA_CHECK_DELAY_MS: '50' }),
    ).toMatchObject({
      ok: true,
      config: { push: { url: env.WECHAT_SIM_PUSH_URL, token: 'tok123', aesKey: key }, mediaCheckDelayMs: 50 },
    });
    expect(parseCliConfig(env)).toMatchObject({ ok: true, config: { push: { token: 'tok123' } } });
  });

  it.each([
    [{ WECHAT_SIM_APPS: 'wx1:s1', WECHAT_SIM_PUSH_URL: 'http://x/y' }, /WECHAT_SIM_PUSH_TOKEN/],
    [{ WECHAT_SIM_APPS: 'wx1:s1', WECHAT_SIM_PUSH_URL: 'x', WECHAT_SIM_PUSH_TOKEN: 'tok' }, /WECHAT_SIM_PUSH_URL/],
    [
      {
        WECHAT_SIM_APPS: 'wx1:s1',
        WECHAT_SIM_PUSH_URL: 'http://x/y',
        WECHAT_SIM_PUSH_TOKEN: 'tok',
        WECHAT_SIM_PUSH_AES_KEY: 'k',
      },
      /AES_KEY/,
    ],
    [{ WECHAT_SIM_APPS: 'wx1:s1', WECHAT_SIM_MEDIA_CHECK_DELAY_MS: '-1' }, /DELAY/],
    [{}, /WECHAT_SIM_APPS is required/],
    [{ WECHAT_SIM_APPS: 'wx1' }, /not "appid:secret"/],
    [{ WECHAT_SIM_APPS: 'wx1:' }, /not "appid:secret"/],
    [{ WECHAT_SIM_APPS: ':s1' }, /not "appid:secret"/],
    [{ WECHAT_SIM_APPS: 'wx1:a,wx1:b' }, /twice/],
    [{ WECHAT_SIM_APPS: ' , ' }, /no app/],
    [{ WECHAT_SIM_APPS: 'wx1:s1', WECHAT_SIM_PORT: 'abc' }, /WECHAT_SIM_PORT/],
    [{ WECHAT_SIM_APPS: 'wx1:s1', WECHAT_SIM_PORT: '70000' }, /WECHAT_SIM_PORT/],
  ])('rejects %j', (env, message) => {
    const result = parseCliConfig(env);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

// Spawning tsx takes a few seconds on a cold cache, hence the explicit per-test timeouts (the
// project-level testTimeout in jest.config.js is not a valid per-project option).
describe('main.ts (CLI process)', () => {
  const tsx = join(__dirname, '..', '..', '..', 'node_modules', '.bin', 'tsx');
  const main = join(__dirname, 'main.ts');

  function run(env: Record<string, string>) {
    const child = spawn(tsx, [main], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, exited, out: () => stdout, err: () => stderr };
  }

  it('exits 1 with a clear message when WECHAT_SIM_APPS is missing', async () => {
    const proc = run({ WECHAT_SIM_APPS: '' });
    expect(await proc.exited).toBe(1);
    expect(proc.err()).toContain('WECHAT_SIM_APPS is required');
  }, 30_000);

  it('serves, logs one JSON line per request and exits 0 on SIGTERM', async () => {
    const proc = run({ WECHAT_SIM_APPS: 'wxcli:secret', WECHAT_SIM_PORT: '0' });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listen line: ${proc.out()} ${proc.err()}`)), 20_000);
      proc.child.stdout.on('data', () => {
        const match = /"url":"([^"]+)"/.exec(proc.out());
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    const reply = await fetch(`${url}/cgi-bin/token?grant_type=client_credential&appid=wxcli&secret=bad`);
    expect(await reply.json()).toMatchObject({ errcode: 40001 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);

    const lines = proc
      .out()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.find((line) => line.path === '/cgi-bin/token')).toMatchObject({
      method: 'GET',
      errcode: 40001,
      status: 200,
    });
    expect(proc.out()).not.toContain('secret');
  }, 30_000);
});
