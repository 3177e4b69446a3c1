import { createServer } from 'net';
import { join } from 'path';
import { SIM_TEMPLATES, startWechatSim, simOpenid } from '../sim/wechat';
import type { WechatSim } from '../sim/wechat';
import { DevSecrets, freshPiiKeys, repoRoot } from './dev-env';
import { ManagedProcess, runToCompletion, spawnManaged, waitForHttp } from './processes';
import { PaySimOptions, StackPaySim, startPaySimForStack } from './wechatpay';

/** The dues reminder's template in the WeChat simulator (scripts/sim/wechat/subscribe.ts), when it has one. */
const DUES_REMINDER_TEMPLATE = 'sim_tmpl_dues_reminder';

/** Demo identities of the simulator, pre-created with their roles so every subpackage has a user. */
export const DEMO_IDENTITIES = [
  { identity: 'zhangsan', nickname: '张三', roles: ['resident'] },
  { identity: 'lisi', nickname: '李四', roles: ['resident', 'party_member'] },
  { identity: 'wangwu', nickname: '王五', roles: ['resident', 'grid_worker'] },
] as const;

export interface StackOptions {
  secrets: DevSecrets;
  /** BFF port; 0 = pick a free one. */
  port: number;
  simPort: number;
  host?: string;
  databaseUrl: string;
  redisUrl?: string;
  adminPassword?: string;
  /** Where child output goes; default prefixed console lines. */
  onLine?: (line: string) => void;
  extraEnv?: Record<string, string>;
  /**
   * The WeChat Pay simulator: by default the stack starts its own (free port, fresh keys, public-key
   * mode). `sim`: use one already running (several BFF workers of one merchant share it; the stack
   * then leaves it running on stop); otherwise these options tune the one it starts.
   */
  wechatPay?: { sim: StackPaySim } | Partial<Omit<PaySimOptions, 'host' | 'appid'>>;
}

export interface Stack {
  bffUrl: string;
  simUrl: string;
  sim: WechatSim;
  /** The WeChat Pay simulator the BFF pays through (its dev pages: `${paySimUrl}/__dev/…`). */
  paySimUrl: string;
  paySim: StackPaySim;
  bff: ManagedProcess;
  /** Set when this start created the admin account (printed once). */
  adminPassword?: string;
  stop(): Promise<void>;
}

/** A free TCP port on loopback (the OS picks; we release it right away). */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the WeChat simulator (in this process) and the built BFF (a child process), after running
 * migrations and the demo seed. Requires `npm run build:shared && npm run build:bff` first.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const host = options.host ?? '127.0.0.1';
  const { secrets } = options;
  const sim = await startWechatSim({
    port: options.simPort,
    host,
    apps: [{ appid: secrets.WECHAT_APPID, secret: secrets.WECHAT_SECRET }],
  });
  // <start: simulators>
  // Government platforms (12345 hotline, city operation platform): in-process, free ports, fresh secrets.
  const govSims = await (await import('../sim/gov')).startGovSimsForStack(host);
  (options.onLine ?? console.log)(
    `[gov-sim] 12345 ${govSims.hotline.url} · city ${govSims.city.url} (dev endpoints under /__dev/)`,
  );
  // Closed with the WeChat simulator, so stop() and every error path below stop them too.
  // WeChat Pay: the merchant's keys on disk, the BFF's WECHATPAY_* pointing at them (docs/PAYMENTS.md).
  const sharedPaySim = options.wechatPay && 'sim' in options.wechatPay ? options.wechatPay.sim : undefined;
  let paySim: StackPaySim;
  try {
    paySim =
      sharedPaySim ??
      (await startPaySimForStack({
        host,
        port: 0,
        appid: secrets.WECHAT_APPID,
        ...(options.wechatPay as Partial<PaySimOptions> | undefined),
      }));
  } catch (err) {
    await govSims.close();
    await sim.close();
    throw err;
  }
  (options.onLine ?? console.log)(`[wechatpay-sim] ${paySim.url} (${paySim.sim.mode}; keys ${paySim.keyDir})`);
  const closeWechatSim = sim.close.bind(sim);
  sim.close = async () => {
    if (!sharedPaySim) await paySim.close();
    await govSims.close();
    await closeWechatSim();
  };
  // Message push (media-check results): a fresh Token + EncodingAESKey per start, shared with the BFF.
  const { generatePushSecrets, connectPushToBff } = await import('../sim/wechat');
  const pushSecrets = generatePushSecrets();
  const port = options.port || (await freePort(host));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    MIDWAY_SERVER_ENV: 'prod',
    HOST: host,
    PORT: String(port),
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl ?? '',
    JWT_SECRET: secrets.JWT_SECRET,
    WECHAT_APPID: secrets.WECHAT_APPID,
    WECHAT_SECRET: secrets.WECHAT_SECRET,
    WECHAT_API_BASE: sim.url,
    // <env: simulators>
    // Pushes of the government simulators go to this BFF; HOTLINE_* / CITY_* point the BFF at them.
    ...govSims.connect(`http://${host}:${port}`),
    // The port is fixed before the spawn, so the simulator can be pointed at the BFF right away.
    ...connectPushToBff(sim, pushSecrets, `http://${host}:${port}`),
    // Notifications of the pay simulator come back to this BFF (extraEnv may name a load balancer).
    ...paySim.env(`http://${host}:${port}`),
    // Subscribe-message templates the WeChat simulator knows, so the demo's reminders really go out;
    // a value set in the environment (a test's own template) wins.
    WECHAT_TMPL_STUDY_REMINDER: process.env.WECHAT_TMPL_STUDY_REMINDER ?? 'sim_tmpl_study_reminder',
    // The dues reminder only once the simulator has its template (a template it does not know refuses
    // every send, which is worse than the BFF's own "reminders not configured").
    ...(SIM_TEMPLATES.some((t) => t.id === DUES_REMINDER_TEMPLATE)
      ? { WECHAT_TMPL_DUES_REMINDER: process.env.WECHAT_TMPL_DUES_REMINDER ?? DUES_REMINDER_TEMPLATE }
      : {}),
    // Throwaway stacks (e2e, bench) pass no PII keys: their databases die with them.
    ...(secrets.PII_KEYS && secrets.PII_ACTIVE_KEY_ID && secrets.PII_HMAC_KEY
      ? { PII_KEYS: secrets.PII_KEYS, PII_ACTIVE_KEY_ID: secrets.PII_ACTIVE_KEY_ID, PII_HMAC_KEY: secrets.PII_HMAC_KEY }
      : freshPiiKeys()),
    ...options.extraEnv,
  };
  let adminPassword: string | undefined;
  try {
    const seedEnv = {
      ...env,
      SEED_ADMIN_PASSWORD: options.adminPassword ?? '',
      SEED_MP_USERS: JSON.stringify(
        DEMO_IDENTITIES.map((d) => ({
          openid: simOpenid(secrets.WECHAT_APPID, d.identity),
          nickname: d.nickname,
          roles: d.roles,
        })),
      ),
    };
    // The small demo town keeps `npm start` fast; benchmarks seed the full one themselves.
    const out = await runToCompletion(
      process.execPath,
      [join(repoRoot, 'bff/bin/seed.js'), '--size', 'small', '--quiet'],
      seedEnv,
    );
    const lines = out.trim().split('\n');
    // The summary (and, on the first start, the demo staff password) is shown once, like the admin's.
    for (const line of lines.filter((l) => l && !l.startsWith('{'))) (options.onLine ?? console.log)(`[seed] ${line}`);
    const resultLine = lines.filter((l) => l.startsWith('{')).pop();
    adminPassword = resultLine ? (JSON.parse(resultLine) as { adminPassword?: string }).adminPassword : undefined;
  } catch (err) {
    await sim.close();
    throw err;
  }
  const bff = spawnManaged('bff', process.execPath, [join(repoRoot, 'bff/bootstrap.js')], {
    env,
    onLine: options.onLine,
  });
  const bffUrl = `http://${host}:${port}`;
  try {
    await waitForHttp(`${bffUrl}/api/health`, { process: bff, timeoutMs: 60_000 });
  } catch (err) {
    await bff.stop();
    await sim.close();
    throw err;
  }
  return {
    bffUrl,
    simUrl: sim.url,
    sim,
    paySimUrl: paySim.url,
    paySim,
    bff,
    adminPassword,
    async stop() {
      await bff.stop();
      await sim.close();
    },
  };
}
