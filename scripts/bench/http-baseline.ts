// http-baseline: what the BFF's framework + middleware stack costs, measured against a bare Koa app
// on the same machine in the same run (absolute req/s vary by host; the ratios travel).
import { randomBytes } from 'crypto';
import { rmSync } from 'fs';
import { join } from 'path';
import { DEMO_APPID, DevSecrets } from '../launcher/dev-env';
import { startStack } from '../launcher/stack';
import { defer } from './lib/cleanup';
import { startKoaHello } from './lib/koa-hello';
import { readKnobs } from './lib/knobs';
import { loadMetrics, measure } from './lib/load';
import { expectOk, loginMpUser } from './lib/mp-login';
import { benchDir, hostEnv } from './lib/report';
import type { Benchmark, BenchOutcome } from './lib/types';

/** Per-request logging would measure the logger, not the stack; warn keeps errors visible. */
const BFF_LOG_LEVEL = 'warn';
const DEFAULT_ACCESS_TTL_SEC = 900;

/** Throwaway secrets: nothing to read or clobber in var/dev-secrets.json. */
function freshSecrets(): DevSecrets {
  return {
    JWT_SECRET: randomBytes(48).toString('base64url'),
    WECHAT_APPID: DEMO_APPID,
    WECHAT_SECRET: randomBytes(16).toString('hex'),
  };
}

interface HealthBody {
  data: { status: string; db: string; cache: string };
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : 0);

async function run(): Promise<BenchOutcome> {
  const knobs = readKnobs();
  // The token must outlive warm-up + measurement of /api/mp/me, or the run turns into 401s.
  const tokenNeedsSec = knobs.warmupSec + knobs.durationSec + 60;
  const accessTtlSec = Math.min(86_400, Math.max(DEFAULT_ACCESS_TTL_SEC, tokenNeedsSec));

  const dbFile = join(benchDir, `tmp-${process.pid}.sqlite`);
  // Registered first so it runs last (after the BFF has closed the file).
  defer('remove temp database', () => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
  });

  const secrets = freshSecrets();
  console.error('starting WeChat simulator + BFF (migrations, seed) …');
  const stack = await startStack({
    secrets,
    port: 0,
    simPort: 0,
    databaseUrl: `sqlite:${dbFile}`,
    extraEnv: { LOG_LEVEL: BFF_LOG_LEVEL, ACCESS_TOKEN_TTL_SEC: String(accessTtlSec) },
  });
  defer('stop stack', () => stack.stop());
  console.error('starting Koa hello-world baseline …');
  const koa = await startKoaHello();
  defer('stop koa', () => koa.process.stop());

  const healthUrl = `${stack.bffUrl}/api/health`;
  const health = (await expectOk(healthUrl)) as HealthBody;
  const token = await loginMpUser(stack.simUrl, stack.bffUrl, secrets.WECHAT_APPID, 'bench');
  const auth = { authorization: `Bearer ${token}` };
  const meUrl = `${stack.bffUrl}/api/mp/me`;
  await expectOk(meUrl, auth);
  await expectOk(koa.url);

  const koaLoad = await measure({ label: 'koa_hello', url: koa.url }, knobs);
  const healthLoad = await measure({ label: 'health', url: healthUrl }, knobs);
  const meLoad = await measure({ label: 'me', url: meUrl, headers: auth }, knobs);

  return {
    env: {
      ...hostEnv(knobs),
      db: health.data.db,
      cache: health.data.cache,
      bff_log_level: BFF_LOG_LEVEL,
      bff_node_env: 'production',
      access_token_ttl_sec: accessTtlSec,
      baseline: 'koa hello-world, separate process',
    },
    metrics: {
      ...loadMetrics(healthLoad),
      ...loadMetrics(meLoad),
      ...loadMetrics(koaLoad),
      health_vs_koa_ratio: ratio(healthLoad.rps, koaLoad.rps),
      me_vs_koa_ratio: ratio(meLoad.rps, koaLoad.rps),
    },
    loads: [healthLoad, meLoad, koaLoad],
  };
}

export const benchmark: Benchmark = {
  name: 'http-baseline',
  description: 'GET /api/health and authenticated GET /api/mp/me vs a bare Koa hello-world',
  run,
};
