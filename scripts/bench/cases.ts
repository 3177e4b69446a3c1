// cases (issue #5): residents filing reports through `POST /api/mp/cases` (validation, rate limit,
// idempotency lock, WeChat msg_sec_check through the simulator, grid resolution, one transaction
// with event + outbox) at concurrency 1 and 10, then the staff inbox `GET /api/admin/cases` as a
// town-level account over the seed's demo cases plus those just filed, against a bare Koa
// hello-world (and the staff `/api/admin/me`) measured the same way in the same run. FULL demo town,
// on MariaDB + Redis (what production runs) and on SQLite. Writes var/bench/cases-<db>.json.
// Knobs: BENCH_CASES_SUBMISSIONS (500 per concurrency level), BENCH_CASES_RESIDENTS (50 at least),
// BENCH_CASES_DBS (mariadb,sqlite), BENCH_DURATION_SEC / BENCH_CONNECTIONS (list and Koa loads),
// BENCH_CASES_SQLITE_CONNECTIONS (10), BENCH_BFF_NODE_OPTIONS (passed to the BFF, e.g. the lib/cpu-profile.cjs preload).
import { randomBytes } from 'crypto';
import { appendFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { BoundaryGeometry } from '@zhili/shared';
import { DEMO_APPID, DevSecrets, freshPiiKeys, repoRoot } from '../launcher/dev-env';
import { runToCompletion } from '../launcher/processes';
import { startStack } from '../launcher/stack';
import type { Stack } from '../launcher/stack';
import {
  caseBody,
  loginResidents,
  MP_SUBMIT_LIMIT_PER_HOUR,
  pointsInGrids,
  residentRotation,
  residentsNeeded,
} from './lib/case-load';
import { defer } from './lib/cleanup';
import { Backend, BackendName, backendsFromEnv, provisionBackend } from './lib/fresh-backend';
import { KoaHello, startKoaHello } from './lib/koa-hello';
import { Knobs, readKnobs } from './lib/knobs';
import { loadMetrics, measure } from './lib/load';
import { expectOk } from './lib/mp-login';
import { benchDir, hostEnv, writeReport } from './lib/report';
import { sample, TimedLoad, timedLoadMetrics } from './lib/sampler';
import type { Benchmark, BenchEnv, BenchOutcome, LoadResult, Metrics } from './lib/types';

const BENCH_USER = 'bench.cases';
const BFF_LOG_LEVEL = 'warn';
const WARMUP_SUBMISSIONS = 20;
const LIST_PAGE_SIZE = 20;

function positiveIntEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

const SUBMISSIONS = positiveIntEnv('BENCH_CASES_SUBMISSIONS', 500);
const MIN_RESIDENTS = positiveIntEnv('BENCH_CASES_RESIDENTS', 50);
/**
 * Connections for the list loads on SQLite. At 50 the BFF on SQLite starves a few requests for
 * seconds (p90 ~240 ms but p99 3-6 s and autocannon timeouts; the person list does the same, so it
 * is not the case query) while 10 stay even. SQLite is the single-process development database;
 * production figures are MariaDB's, measured at BENCH_CONNECTIONS. Koa gets the same number.
 */
const SQLITE_LIST_CONNECTIONS = positiveIntEnv('BENCH_CASES_SQLITE_CONNECTIONS', 10);

interface BenchRegion {
  id: string;
  name: string;
  path: string;
  level: string;
  boundary: BoundaryGeometry | null;
}

/** The BFF's bench helper, from its build (the runner builds the BFF first when it is stale). */
interface BenchSupport {
  prepareBenchTown(
    databaseUrl: string,
    username: string,
    password: string,
  ): Promise<{ town: BenchRegion; regions: BenchRegion[] }>;
}

const benchSupport = () => require(join(repoRoot, 'bff/dist/seed/bench-support')) as BenchSupport;

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : 0);

async function staffLogin(bffUrl: string, password: string): Promise<string> {
  const res = await fetch(`${bffUrl}/api/admin/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: BENCH_USER, password }),
  });
  const body = (await res.json()) as { data?: { accessToken?: string } };
  if (!res.ok || !body.data?.accessToken)
    throw new Error(`login of ${BENCH_USER} failed: HTTP ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return `Bearer ${body.data.accessToken}`;
}

interface ListPage {
  data: unknown[];
  page: { total: number };
}

async function listTotal(url: string, authorization: string): Promise<number> {
  return ((await expectOk(url, { authorization })) as ListPage).page.total;
}

/** Seeds the full town into the fresh database, adds the bench account, starts simulator + BFF. */
async function bootTown(
  backend: Backend,
): Promise<{ stack: Stack; staffAuth: string; regions: BenchRegion[]; town: BenchRegion; seedSec: number }> {
  const secrets: DevSecrets = {
    JWT_SECRET: randomBytes(48).toString('base64url'),
    WECHAT_APPID: DEMO_APPID,
    WECHAT_SECRET: randomBytes(16).toString('hex'),
    ...freshPiiKeys(),
  };
  const bffLog = join(benchDir, `cases-${backend.name}-bff.log`);
  writeFileSync(bffLog, '');
  console.error(`[${backend.name}] seeding the FULL demo town … (BFF output → ${bffLog})`);
  const seedStarted = Date.now();
  const seedOut = await runToCompletion(
    process.execPath,
    [join(repoRoot, 'bff/bin/seed.js'), '--size', 'full', '--quiet'],
    { ...process.env, DATABASE_URL: backend.databaseUrl, ...secrets },
  );
  const seedSec = Math.round((Date.now() - seedStarted) / 100) / 10;
  console.error(
    seedOut
      .split('\n')
      .filter((l) => l.startsWith('示范镇'))
      .join('\n'),
  );
  const password = `Bench-${randomBytes(12).toString('base64url')}9!`;
  const { town, regions } = await benchSupport().prepareBenchTown(backend.databaseUrl, BENCH_USER, password);
  const stack = await startStack({
    secrets,
    port: 0,
    simPort: 0,
    databaseUrl: backend.databaseUrl,
    redisUrl: backend.redisUrl,
    // Everything the BFF prints (LOG_LEVEL warn) is kept for the post-mortem instead of flooding the table.
    onLine: (line) => appendFileSync(bffLog, `${line}\n`),
    extraEnv: {
      LOG_LEVEL: BFF_LOG_LEVEL,
      ACCESS_TOKEN_TTL_SEC: '3600',
      ...(backend.redisKeyPrefix ? { REDIS_KEY_PREFIX: backend.redisKeyPrefix } : {}),
      // e.g. `--require <repo>/scripts/bench/lib/cpu-profile.cjs` to see where the BFF spends its time under this load.
      ...(process.env.BENCH_BFF_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_BFF_NODE_OPTIONS } : {}),
    },
  });
  // Stopped at the end of the backend (the next one runs alone) or by the cleanup on failure, once.
  const stopOnce = once(() => stack.stop());
  defer(`stop ${backend.name} stack`, stopOnce);
  return {
    stack: { ...stack, stop: stopOnce },
    staffAuth: await staffLogin(stack.bffUrl, password),
    regions,
    town,
    seedSec,
  };
}

interface SubmitPhase {
  loads: TimedLoad[];
  created: number;
  residents: number;
}

/** Files reports as many residents: a probe, a discarded warm-up, then N at concurrency 1 and 10. */
async function submitPhase(name: BackendName, stack: Stack, regions: BenchRegion[]): Promise<SubmitPhase> {
  const total = 1 + WARMUP_SUBMISSIONS + 2 * SUBMISSIONS;
  const residentCount = residentsNeeded(total, MIN_RESIDENTS);
  console.error(
    `[${name}] signing in ${residentCount} residents (submit limit ${MP_SUBMIT_LIMIT_PER_HOUR}/h per resident is hard-coded in the BFF; ` +
      `${total} reports round-robin → ≤ ${Math.ceil(total / residentCount)} each) …`,
  );
  const residents = await loginResidents(stack.simUrl, stack.bffUrl, DEMO_APPID, residentCount);
  const nextResident = residentRotation(residents);
  const categories = (
    (await expectOk(`${stack.bffUrl}/api/mp/case-categories`, { authorization: residents[0].authorization })) as {
      data: { code: string }[];
    }
  ).data.map((c) => c.code);
  const points = pointsInGrids(
    regions.filter((r) => r.level === 'grid'),
    20,
  );
  let reportNo = 0;
  const submitUrl = `${stack.bffUrl}/api/mp/cases`;
  const send = () => {
    const i = reportNo++;
    return fetch(submitUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: nextResident().authorization },
      body: JSON.stringify(caseBody(i, categories, points[i % points.length])),
      signal: AbortSignal.timeout(30_000),
    });
  };
  const classify = (body: unknown) => (body as { data?: { status?: string } }).data?.status ?? 'unknown';

  // One report first: a misconfiguration fails here with its body instead of as 500 non-2xx.
  const probe = await send();
  const probeText = await probe.text();
  if (probe.status !== 201) throw new Error(`probe submission → HTTP ${probe.status}: ${probeText.slice(0, 300)}`);
  if (classify(JSON.parse(probeText)) !== 'submitted')
    throw new Error(`probe case is not 'submitted' (msg_sec_check not passing?): ${probeText.slice(0, 300)}`);

  const warmup = await sample({ label: 'warm-up', count: WARMUP_SUBMISSIONS, concurrency: 2, send, classify });
  const loads: TimedLoad[] = [];
  for (const concurrency of [1, 10]) {
    process.stderr.write(`  ${name}_submit_c${concurrency}: ${SUBMISSIONS} reports …\n`);
    loads.push(
      await sample({ label: `${name}_submit_c${concurrency}`, count: SUBMISSIONS, concurrency, send, classify }),
    );
  }
  const created = 1 + [warmup, ...loads].reduce((sum, l) => sum + (l.statusCodes['201'] ?? 0), 0);
  return { loads, created, residents: residentCount };
}

interface ListPhase {
  loads: LoadResult[];
  listed: number;
  submittedListed: number;
  middlePage: number;
}

/** The staff inbox (three variants), the staff /me and the Koa baseline, each with the same autocannon knobs. */
async function listPhase(
  name: BackendName,
  stack: Stack,
  staffAuth: string,
  koa: KoaHello,
  knobs: Knobs,
): Promise<ListPhase> {
  const base = `${stack.bffUrl}/api/admin/cases?pageSize=${LIST_PAGE_SIZE}`;
  const listed = await listTotal(`${base}&page=1`, staffAuth);
  const middlePage = Math.max(1, Math.ceil(listed / LIST_PAGE_SIZE / 2));
  const submittedListed = await listTotal(`${base}&page=1&status=submitted`, staffAuth);
  if (submittedListed === 0)
    throw new Error('status=submitted lists no case: the filtered variant would measure an empty page');
  const headers = { authorization: staffAuth };
  const targets = [
    { label: `${name}_koa_hello`, url: koa.url },
    // The same stack and staff token without the case query: separates framework + auth from the list.
    { label: `${name}_admin_me`, url: `${stack.bffUrl}/api/admin/me`, headers },
    { label: `${name}_cases_list_p1`, url: `${base}&page=1`, headers },
    { label: `${name}_cases_list_mid`, url: `${base}&page=${middlePage}`, headers },
    { label: `${name}_cases_list_submitted`, url: `${base}&page=1&status=submitted`, headers },
  ];
  const loads: LoadResult[] = [];
  for (const target of targets) loads.push(await measure(target, knobs));
  return { loads, listed, submittedListed, middlePage };
}

function printTimedTable(title: string, loads: TimedLoad[]): void {
  const header = ['target', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'n', 'non-2xx', 'errors', 'case status'];
  const rows = loads.map((l) => [
    l.label,
    l.rps.toFixed(1),
    l.p50Ms.toFixed(1),
    l.p95Ms.toFixed(1),
    l.p99Ms.toFixed(1),
    String(l.requests),
    l.non2xx === 0
      ? '0'
      : `${l.non2xx} (${Object.entries(l.statusCodes)
          .map(([c, n]) => `${c}×${n}`)
          .join(', ')})`,
    String(l.errors),
    Object.entries(l.outcomes)
      .map(([o, n]) => `${o}×${n}`)
      .join(', '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  for (const l of loads)
    for (const [code, body] of Object.entries(l.failureSamples))
      console.log(`  ${l.label} first HTTP ${code}: ${body}`);
}

async function runBackend(
  backend: Backend,
  koa: KoaHello,
  knobs: Knobs,
): Promise<{ loads: LoadResult[]; metrics: Metrics; env: BenchEnv }> {
  const { stack, staffAuth, regions, town, seedSec } = await bootTown(backend);
  const submit = await submitPhase(backend.name, stack, regions);
  printTimedTable(
    `${backend.name}: POST /api/mp/cases (${SUBMISSIONS} reports per row, ${submit.residents} residents)`,
    submit.loads,
  );
  const held = submit.loads.reduce(
    (sum, l) =>
      sum +
      Object.entries(l.outcomes)
        .filter(([o]) => o !== 'submitted')
        .reduce((s, [, n]) => s + n, 0),
    0,
  );
  if (held > 0)
    console.error(
      `!!! ${held} reports were not 'submitted' (held for review: msg_sec_check failed?) — the submit figures include that path`,
    );

  // Every report filed above is in the town's scope; a difference means a request the client gave
  // up on was committed anyway, or the inbox misses cases. (The seed's demo cases come from other
  // sources, hence the filter.)
  const mpListed = await listTotal(`${stack.bffUrl}/api/admin/cases?pageSize=1&source=mp`, staffAuth);
  if (mpListed !== submit.created)
    console.error(`!!! the inbox lists ${mpListed} mini-program cases, ${submit.created} were created (201)`);
  const listKnobs: Knobs =
    backend.name === 'sqlite' ? { ...knobs, connections: Math.min(knobs.connections, SQLITE_LIST_CONNECTIONS) } : knobs;
  const list = await listPhase(backend.name, stack, staffAuth, koa, listKnobs);
  const [koaLoad, meLoad, ...listLoads] = list.loads;

  const metrics: Metrics = {
    seed_full_sec: seedSec,
    cases_created: submit.created,
    cases_mp_listed: mpListed,
    cases_listed: list.listed,
    cases_submitted_listed: list.submittedListed,
    submit_not_submitted_status: held,
  };
  for (const l of submit.loads) Object.assign(metrics, timedLoadMetrics(l));
  for (const l of list.loads) Object.assign(metrics, loadMetrics(l));
  metrics[`${meLoad.label}_vs_koa_ratio`] = ratio(meLoad.rps, koaLoad.rps);
  for (const l of listLoads) {
    metrics[`${l.label}_vs_koa_ratio`] = ratio(l.rps, koaLoad.rps);
    metrics[`${l.label}_vs_admin_me_ratio`] = ratio(l.rps, meLoad.rps);
  }
  const env: BenchEnv = {
    ...hostEnv(listKnobs),
    db: backend.name,
    cache: backend.redisUrl ? 'redis' : 'memory',
    town: town.path,
    grids: regions.filter((r) => r.level === 'grid').length,
    submissions_per_level: SUBMISSIONS,
    submit_warmup: WARMUP_SUBMISSIONS,
    residents: submit.residents,
    submit_rate_limit: `${MP_SUBMIT_LIMIT_PER_HOUR}/h per resident (hard-coded; load spread over residents, not raised)`,
    content_check: 'msg_sec_check via the in-process WeChat simulator (pass)',
    list_page_size: LIST_PAGE_SIZE,
    list_middle_page: list.middlePage,
    bench_account: `${BENCH_USER} (village_admin bound to the town: case:read, no MFA)`,
    bff_log_level: BFF_LOG_LEVEL,
    baseline: 'koa hello-world, separate process, same autocannon knobs',
  };
  await stack.stop();
  return { loads: [...submit.loads, ...list.loads], metrics, env };
}

async function run(): Promise<BenchOutcome> {
  const knobs = readKnobs();
  const koa = await startKoaHello();
  defer('stop koa', () => koa.process.stop());
  await expectOk(koa.url);
  const all: BenchOutcome = { env: hostEnv(knobs), metrics: {}, loads: [] };
  for (const name of backendsFromEnv('BENCH_CASES_DBS', ['mariadb', 'sqlite'])) {
    const backend = await provisionBackend(name, 'cases');
    if (!backend) continue;
    const result = await runBackend(backend, koa, knobs);
    const file = writeReport({
      name: `cases-${name}`,
      at: new Date().toISOString(),
      env: result.env,
      metrics: result.metrics,
    });
    console.log(`written ${file}`);
    all.loads.push(...result.loads);
    Object.assign(
      all.metrics,
      Object.fromEntries(
        Object.entries(result.metrics).map(([k, v]) => [k.startsWith(`${name}_`) ? k : `${name}_${k}`, v]),
      ),
    );
    all.env[`${name}_residents`] = String(result.env.residents);
  }
  if (all.loads.length === 0) throw new Error('no database backend was available');
  return all;
}

export const benchmark: Benchmark = {
  name: 'cases',
  description:
    'resident case submission (c1, c10) and the staff case inbox vs bare Koa, full demo town on MariaDB + Redis and SQLite',
  run,
};
