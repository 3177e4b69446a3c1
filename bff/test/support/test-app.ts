import { close, createApp, createHttpRequest } from '@midwayjs/mock';
import type { Application, Framework } from '@midwayjs/koa';
import type { AddressInfo } from 'net';
import { join } from 'path';
import { randomBytes } from 'crypto';
import { startWechatSim } from '../../../scripts/sim/wechat';
import type { RequestLogEntry, WechatSim } from '../../../scripts/sim/wechat';
import type { Backend } from './backends';

export const TEST_APPID = 'wx00000000000000aa';
export const TEST_SECRET = 'testsecret0000000000000000000001';
/** Message-push Token and EncodingAESKey of every test app (extraEnv may override or blank them). */
export const TEST_PUSH_TOKEN = 'testpushtoken0000000000000000001';
export const TEST_PUSH_AES_KEY = 'TestPushAesKey0000000000000000000000000000a';

export interface TestApp {
  app: Application;
  http: () => ReturnType<typeof createHttpRequest>;
  sim: WechatSim;
  /** Every request the simulator answered, in order (its `onRequest` log; no query strings). */
  simRequests: RequestLogEntry[];
  /** The simulator's clock offset in ms; advance it to expire codes and tokens. */
  clock: { advance(ms: number): void };
  /** The BFF's message-push settings the simulator pushes with (aesKey absent = plaintext mode). */
  push: { url: string; token: string; aesKey?: string } | null;
  url: string;
  get<T>(cls: new (...args: never[]) => T): Promise<T>;
  close(): Promise<void>;
}

/**
 * Starts the real BFF (Midway + Koa, migrations, guards, filters) on a fresh database of the given
 * backend, with its own WeChat simulator, listening on a random port.
 */
export async function startTestApp(backend: Backend, extraEnv: Record<string, string> = {}): Promise<TestApp> {
  let offset = 0;
  const simRequests: RequestLogEntry[] = [];
  const sim = await startWechatSim({
    port: 0,
    apps: [{ appid: TEST_APPID, secret: TEST_SECRET }],
    now: () => Date.now() + offset,
    onRequest: (entry) => simRequests.push(entry),
    // Media-check verdicts arrive quickly, and an unacknowledged push is retried soon.
    mediaCheckDelayMs: 20,
    pushRetryDelayMs: 200,
  });
  const provisioned = await backend.provision();
  // Jest loads .ts through its transform, which Midway cannot detect: tell it to scan .ts sources.
  process.env.MIDWAY_TS_MODE = 'true';
  const env: Record<string, string> = {
    MIDWAY_SERVER_ENV: 'unittest',
    PORT: '0',
    JWT_SECRET: 'test-jwt-secret-test-jwt-secret-0123456789',
    WECHAT_APPID: TEST_APPID,
    WECHAT_SECRET: TEST_SECRET,
    WECHAT_API_BASE: sim.url,
    WECHAT_TIMEOUT_MS: '3000',
    HEALTH_PUSH_INTERVAL_MS: '300',
    // Tests stand in for one reverse proxy: they choose client IPs through X-Forwarded-For.
    TRUST_PROXY: 'true',
    // Fresh PII keys per run, like a deployment's (tests that rotate keys pass their own).
    PII_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    PII_ACTIVE_KEY_ID: 'k1',
    PII_HMAC_KEY: randomBytes(32).toString('base64'),
    WECHAT_PUSH_TOKEN: TEST_PUSH_TOKEN,
    WECHAT_PUSH_AES_KEY: TEST_PUSH_AES_KEY,
    // Every answer of a contract route is checked against its response schema (core/http/contract).
    CONTRACT_CHECK_RESPONSES: 'true',
    ...provisioned.env,
    ...extraEnv,
  };
  const previous = { ...process.env };
  // Midway remembers the last app's port in this variable; each app must pick its own.
  delete process.env.MIDWAY_HTTP_PORT;
  Object.assign(process.env, env);
  let app: Application;
  try {
    app = await createApp<Framework>(join(__dirname, '../..'), { baseDir: join(__dirname, '../../src') });
  } catch (err) {
    // A BFF that refuses to start must not leave the simulator listening or the database behind:
    // an open server keeps Jest from exiting, turning one red file into a run that never ends.
    await sim.close();
    await provisioned.dispose();
    throw err;
  } finally {
    // Config was computed at start; restore so the next app in this file starts from a clean slate.
    for (const key of Object.keys(env)) {
      if (previous[key] === undefined) delete process.env[key];
      else process.env[key] = previous[key];
    }
  }
  const server = (app.getFramework() as Framework).getServer();
  // Midway starts listening without awaiting it; wait, or supertest would try to listen itself.
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  // The port is known only now: point WeChat's message push at this BFF (PUBLIC_BASE_URL stays
  // unset, so media links use the listening address, which the simulator can reach).
  const push = env.WECHAT_PUSH_TOKEN
    ? {
        url: `${url}/api/callbacks/wechat`,
        token: env.WECHAT_PUSH_TOKEN,
        ...(env.WECHAT_PUSH_AES_KEY ? { aesKey: env.WECHAT_PUSH_AES_KEY } : {}),
      }
    : null;
  sim.setPush(push);
  return {
    app,
    http: () => createHttpRequest(app),
    sim,
    simRequests,
    clock: { advance: (ms) => (offset += ms) },
    push,
    url,
    get: <T>(cls: new (...args: never[]) => T) => app.getApplicationContext().getAsync<T>(cls as unknown as string),
    async close() {
      await close(app);
      await sim.close();
      await provisioned.dispose();
    },
  };
}

/** Asks the simulator for a login code of a test identity, as the H5 build does. */
export async function devLoginCode(sim: WechatSim, identity: string): Promise<string> {
  const res = await fetch(`${sim.url}/__dev/login-code`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ appid: TEST_APPID, identity }),
  });
  const body = (await res.json()) as { code: string };
  return body.code;
}
