// The CLI: env parsing, throwaway keys written once and reused, a signed request served.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_APPID, DEFAULT_MCHID, DEFAULT_PORT, parsePayCliConfig } from './cli-config';
import { buildAuthorization, rsaVerify, responseMessage } from './crypto';
import { FILES } from './keystore';

describe('parsePayCliConfig', () => {
  it('applies the defaults', () => {
    expect(parsePayCliConfig({})).toEqual({
      ok: true,
      config: {
        port: DEFAULT_PORT,
        host: '127.0.0.1',
        mode: 'publicKey',
        keyDir: 'var/wechatpay-sim',
        mchid: DEFAULT_MCHID,
        appids: [DEFAULT_APPID],
        retryScale: 1,
      },
    });
    expect(DEFAULT_PORT).toBe(7005);
    const custom = parsePayCliConfig({
      WECHATPAY_SIM_MODE: 'platformCert',
      WECHATPAY_SIM_APPIDS: 'wxaaaaaaaaaaaaaaaa, wxbbbbbbbbbbbbbbbb',
      WECHATPAY_SIM_RETRY_SCALE: '0.01',
    });
    expect(custom).toMatchObject({
      ok: true,
      config: { mode: 'platformCert', appids: ['wxaaaaaaaaaaaaaaaa', 'wxbbbbbbbbbbbbbbbb'], retryScale: 0.01 },
    });
  });

  it.each([
    [{ WECHATPAY_SIM_PORT: 'x' }, /PORT/],
    [{ WECHATPAY_SIM_MODE: 'cert' }, /MODE/],
    [{ WECHATPAY_SIM_MCHID: '12' }, /MCHID/],
    [{ WECHATPAY_SIM_APPIDS: 'nope' }, /APPIDS/],
    [{ WECHATPAY_SIM_RETRY_SCALE: '0' }, /RETRY_SCALE/],
  ])('rejects %j', (env, message) => {
    const result = parsePayCliConfig(env);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

describe('main.ts (CLI process)', () => {
  const tsx = join(__dirname, '..', '..', '..', 'node_modules', '.bin', 'tsx');
  const main = join(__dirname, 'main.ts');
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'wechatpay-sim-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function start(): Promise<{ url: string; stop: () => Promise<number | null>; out: () => string }> {
    const child = spawn(tsx, [main], {
      env: { ...process.env, WECHATPAY_SIM_PORT: '0', WECHATPAY_SIM_KEY_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listen line: ${stdout} ${stderr}`)), 25_000);
      child.stdout.on('data', () => {
        const match = /"url":"([^"]+)"/.exec(stdout);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    return {
      url,
      out: () => stdout,
      stop: () => {
        child.kill('SIGTERM');
        return exited;
      },
    };
  }

  it('writes throwaway keys once, serves signed requests with them and keeps them across restarts', async () => {
    const first = await start();
    const merchant = JSON.parse(readFileSync(join(dir, FILES.merchant), 'utf8')) as { mchid: string; serialNo: string };
    const platform = JSON.parse(readFileSync(join(dir, FILES.platform), 'utf8')) as { serial: string };
    expect(await first.stop()).toBe(0);

    const second = await start();
    try {
      expect(JSON.parse(readFileSync(join(dir, FILES.platform), 'utf8'))).toMatchObject({ serial: platform.serial });
      expect(JSON.parse(readFileSync(join(dir, FILES.merchant), 'utf8'))).toMatchObject({
        serialNo: merchant.serialNo,
      });
      const target = `/v3/pay/transactions/out-trade-no/NOSUCH01?mchid=${merchant.mchid}`;
      const authorization = buildAuthorization({
        mchid: merchant.mchid,
        serialNo: merchant.serialNo,
        privateKeyPem: readFileSync(join(dir, FILES.merchantKey), 'utf8'),
        method: 'GET',
        target,
        body: '',
      });
      const res = await fetch(`${second.url}${target}`, { headers: { Authorization: authorization } });
      const text = await res.text();
      expect(res.status).toBe(404);
      expect(res.headers.get('wechatpay-serial')).toBe(platform.serial);
      const message = responseMessage(
        res.headers.get('wechatpay-timestamp') ?? '',
        res.headers.get('wechatpay-nonce') ?? '',
        text,
      );
      const publicKey = readFileSync(join(dir, FILES.platformPublicKey), 'utf8');
      expect(rsaVerify(message, res.headers.get('wechatpay-signature') ?? '', publicKey)).toBe(true);
    } finally {
      expect(await second.stop()).toBe(0);
    }
    const log = second
      .out()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(log.find((l) => l.path === '/v3/pay/transactions/out-trade-no/NOSUCH01')).toMatchObject({
      status: 404,
      code: 'ORDER_NOT_EXIST',
    });
    expect(second.out()).not.toContain(JSON.parse(readFileSync(join(dir, FILES.merchant), 'utf8')).apiV3Key);
  }, 60_000);
});
