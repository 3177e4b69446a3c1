// study (issue #15): 500 party members studying at once, each sending the lesson heartbeat
// `POST /api/mp/study/lessons/:id/heartbeat` every STUDY_HEARTBEAT_INTERVAL_MS (1 s here, the
// lowest the BFF accepts: the densest honest load) through the real path — member lookup, course
// access, the per-member lock on Redis, the shared acceptHeartbeat rule, the progress/day-total
// writes in one transaction — on MariaDB + Redis, against the BFF's own `/api/health` measured with
// autocannon at the same concurrency in the same run. Writes var/bench/study.json.
// Knobs: BENCH_STUDY_MEMBERS (500), BENCH_STUDY_INTERVAL_MS (1000; the product's default is 15000),
// BENCH_DURATION_SEC (10), BENCH_CONNECTIONS (health; default 50).
import { randomBytes } from 'crypto';
import { appendFileSync, mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { DEMO_APPID, DevSecrets, freshPiiKeys, repoRoot } from '../launcher/dev-env';
import { startStack } from '../launcher/stack';
import { defer } from './lib/cleanup';
import { provisionBackend } from './lib/fresh-backend';
import { readKnobs } from './lib/knobs';
import { loadMetrics, measure } from './lib/load';
import { benchDir, hostEnv } from './lib/report';
import { percentile } from './lib/sampler';
import type { Benchmark, BenchOutcome, LoadResult } from './lib/types';

const MEMBERS = Number(process.env.BENCH_STUDY_MEMBERS ?? 500);
const INTERVAL_MS = Math.max(1000, Number(process.env.BENCH_STUDY_INTERVAL_MS ?? 1000));
const LOGIN_CONCURRENCY = 20;

interface BenchStudySupport {
  prepareStudyBench(databaseUrl: string, openids: string[]): Promise<{ lessonId: string }>;
}
const support = () => require(join(repoRoot, 'bff/dist/seed/bench-study-support')) as BenchStudySupport;

/**
 * Signs the simulator identity in as the app does, from its own client address: the BFF allows 60
 * logins a minute per IP, and 500 members are 500 phones, not one (the BFF trusts the proxy header here).
 */
async function login(
  simUrl: string,
  bffUrl: string,
  identity: string,
  i: number,
): Promise<{ token: string; openid: string }> {
  const post = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`POST ${url} → HTTP ${res.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as { code?: string; openid?: string; data?: { accessToken: string } };
  };
  const { code, openid } = await post(`${simUrl}/__dev/login-code`, { appid: DEMO_APPID, identity });
  const res = await post(`${bffUrl}/api/mp/auth/login`, { code }, { 'x-forwarded-for': `10.77.${i >> 8}.${i & 255}` });
  return { token: res.data?.accessToken ?? '', openid: openid ?? '' };
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]);
      }
    }),
  );
  return out;
}

interface Beat {
  /** When the answer arrived (epoch ms). */
  at: number;
  ms: number;
  status: number;
  refused: boolean;
}

/**
 * One member studying: `start`, then a `beat` every interval (waiting for the previous answer, as the
 * player does), until `until`. Answers after `measureFrom` are kept.
 */
async function study(
  url: string,
  auth: string,
  until: number,
  measureFrom: number,
  beats: Beat[],
  firstSeq: number,
): Promise<void> {
  let seq = firstSeq - 1;
  let next = Date.now();
  while (Date.now() < until) {
    seq += 1;
    const started = Date.now();
    let status = 0;
    let refused = false;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: auth },
        body: JSON.stringify({ kind: seq === firstSeq ? 'start' : 'beat', seq, position: seq * 10 }),
        signal: AbortSignal.timeout(30_000),
      });
      status = res.status;
      const body = (await res.json()) as { data?: { refusal?: unknown; reason?: unknown } };
      refused = !!(body.data?.refusal ?? body.data?.reason);
    } catch {
      status = 0;
    }
    // Kept when the answer arrives inside the measured window: throughput is answers per second.
    const at = Date.now();
    if (at >= measureFrom && at <= until) beats.push({ at, ms: at - started, status, refused });
    next += INTERVAL_MS;
    const wait = next - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    else next = Date.now();
  }
}

function heartbeatLoad(beats: Beat[], seconds: number): LoadResult {
  const sorted = beats.map((b) => b.ms).sort((a, b) => a - b);
  const statusCodes: Record<string, number> = {};
  for (const b of beats) statusCodes[String(b.status)] = (statusCodes[String(b.status)] ?? 0) + 1;
  const errors = beats.filter((b) => b.status === 0).length;
  return {
    label: 'heartbeat',
    rps: beats.length / seconds,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    requests: beats.length,
    errors,
    timeouts: 0,
    non2xx: beats.filter((b) => b.status !== 0 && (b.status < 200 || b.status > 299)).length,
    statusCodes,
  };
}

async function run(): Promise<BenchOutcome> {
  const knobs = readKnobs();
  const backend = await provisionBackend('mariadb', 'study');
  if (!backend) throw new Error('the study benchmark needs MariaDB + Redis (BENCH_MYSQL_URL / BENCH_REDIS_URL)');
  const secrets: DevSecrets = {
    JWT_SECRET: randomBytes(48).toString('base64url'),
    WECHAT_APPID: DEMO_APPID,
    WECHAT_SECRET: randomBytes(16).toString('hex'),
    ...freshPiiKeys(),
  };
  const bffLog = join(benchDir, 'study-bff.log');
  mkdirSync(benchDir, { recursive: true });
  writeFileSync(bffLog, '');
  console.error(`starting simulator + BFF on MariaDB + Redis (migrations, demo seed; BFF output → ${bffLog}) …`);
  const stack = await startStack({
    secrets,
    port: 0,
    simPort: 0,
    databaseUrl: backend.databaseUrl,
    redisUrl: backend.redisUrl,
    onLine: (line) => appendFileSync(bffLog, `${line}\n`),
    extraEnv: {
      LOG_LEVEL: 'warn',
      ACCESS_TOKEN_TTL_SEC: '3600',
      STUDY_HEARTBEAT_INTERVAL_MS: String(INTERVAL_MS),
      TRUST_PROXY: 'true',
      ...(backend.redisKeyPrefix ? { REDIS_KEY_PREFIX: backend.redisKeyPrefix } : {}),
    },
  });
  defer('stop stack', () => stack.stop());

  const identities = Array.from({ length: MEMBERS }, (_, i) => `bench-study-${i}`);
  console.error(`signing in ${MEMBERS} mini-program users and making them members of a branch …`);
  const signIn = () =>
    pool(
      identities.map((id, i) => [id, i] as const),
      LOGIN_CONCURRENCY,
      ([id, i]) => login(stack.simUrl, stack.bffUrl, id, i),
    );
  const openids = (await signIn()).map((s) => s.openid);
  const { lessonId } = await support().prepareStudyBench(backend.databaseUrl, openids);
  // Signed in again: the access token carries the party_member role given above.
  const tokens = (await signIn()).map((s) => s.token);
  const url = `${stack.bffUrl}/api/mp/study/lessons/${lessonId}/heartbeat`;

  const probe = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[0]}` },
    body: JSON.stringify({ kind: 'stop', seq: 1, position: 0 }),
  });
  if (probe.status !== 200)
    throw new Error(`heartbeat probe → HTTP ${probe.status}: ${(await probe.text()).slice(0, 300)}`);

  console.error(
    `  heartbeat: ${MEMBERS} members, one beat per ${INTERVAL_MS} ms each, warm-up ${knobs.warmupSec}s, measuring ${knobs.durationSec}s …`,
  );
  const beats: Beat[] = [];
  const measureFrom = Date.now() + knobs.warmupSec * 1000;
  const until = measureFrom + knobs.durationSec * 1000;
  // Members start spread over one interval, as players do, not in one burst.
  await Promise.all(
    tokens.map(async (token, i) => {
      await new Promise((r) => setTimeout(r, (i * INTERVAL_MS) / MEMBERS));
      // The probe used sequence number 1 of the first member.
      await study(url, `Bearer ${token}`, until, measureFrom, beats, i === 0 ? 2 : 1);
    }),
  );
  const heartbeat = heartbeatLoad(beats, knobs.durationSec);
  const sorted = beats.map((b) => b.ms).sort((a, b) => a - b);
  const p95 = percentile(sorted, 95);
  const refused = beats.filter((b) => b.refused).length;

  const health = await measure({ label: 'health', url: `${stack.bffUrl}/api/health` }, knobs);
  const offered = (MEMBERS * 1000) / INTERVAL_MS;
  console.log(
    `heartbeat: ${Math.round(heartbeat.rps)} req/s of ${offered} offered, p50 ${heartbeat.p50Ms} ms, p95 ${p95} ms, ` +
      `p99 ${heartbeat.p99Ms} ms, refused by the rules ${refused}; /api/health: ${Math.round(health.rps)} req/s, ` +
      `p50 ${health.p50Ms} ms, p99 ${health.p99Ms} ms`,
  );
  return {
    env: { ...hostEnv(knobs), db: 'mariadb', cache: 'redis', members: MEMBERS, heartbeat_interval_ms: INTERVAL_MS },
    metrics: {
      ...loadMetrics(heartbeat),
      heartbeat_p95_ms: p95,
      heartbeat_offered_rps: offered,
      heartbeat_refused: refused,
      ...loadMetrics(health),
      heartbeat_vs_health_rps_ratio: health.rps > 0 ? Math.round((heartbeat.rps / health.rps) * 1000) / 1000 : 0,
    },
    loads: [heartbeat, health],
  };
}

export const benchmark: Benchmark = {
  name: 'study',
  description: `${MEMBERS} members sending lesson heartbeats (MariaDB + Redis) vs /api/health`,
  run,
};
