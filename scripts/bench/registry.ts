// registry: the person list with filters (region subtree + tag + name prefix) and point → grid
// resolution over the FULL demo town, on SQLite and on MariaDB + Redis (skipped with a message when
// those are unreachable). Target: p95 < 100 ms for the person list. Writes var/bench/registry-<db>.json.
import { randomBytes } from 'crypto';
import { join } from 'path';
import type { BoundaryGeometry, LngLat } from '@zhili/shared';
import { DEMO_APPID, DevSecrets, freshPiiKeys, repoRoot } from '../launcher/dev-env';
import { runToCompletion } from '../launcher/processes';
import { startStack } from '../launcher/stack';
import { defer } from './lib/cleanup';
import { Backend, provisionBackend } from './lib/fresh-backend';
import { writeReport } from './lib/report';
import type { Benchmark, BenchEnv, BenchOutcome, LoadResult, Metrics } from './lib/types';

const BENCH_USER = 'bench.registry';
const P95_TARGET_MS = 100;
const SEQUENTIAL = Number(process.env.BENCH_REGISTRY_REQUESTS ?? 200);
const CONCURRENT = SEQUENTIAL * 2;

interface BenchRegion {
  id: string;
  name: string;
  path: string;
  level: string;
  boundary: BoundaryGeometry | null;
}

/** The BFF's own helpers, loaded from its build (the bench runs after `npm run build:bff`). */
interface BffDist {
  prepareBenchTown(
    databaseUrl: string,
    username: string,
    password: string,
  ): Promise<{ town: BenchRegion; regions: BenchRegion[] }>;
  GeoIndex: new (regions: { id: string; name: string; path: string; level: string; geometry: BoundaryGeometry }[]) => {
    resolve(lng: number, lat: number, toleranceM?: number): { regionId: string | null };
  };
}

function bffDist(): BffDist {
  const support = require(join(repoRoot, 'bff/dist/seed/bench-support')) as Pick<BffDist, 'prepareBenchTown'>;
  const geo = require(join(repoRoot, 'bff/dist/modules/region/geo/geo-index')) as Pick<BffDist, 'GeoIndex'>;
  return { ...support, ...geo };
}

interface Latencies {
  label: string;
  samples: number[];
  wallMs: number;
  statusCodes: Record<string, number>;
  errors: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;
const round1 = (n: number) => Math.round(n * 10) / 10;

/** `count` GETs over `concurrency` workers; each URL drawn by `next`. */
async function timeRequests(
  label: string,
  next: () => string,
  auth: string,
  count: number,
  concurrency: number,
): Promise<Latencies> {
  const samples: number[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  let left = count;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left > 0) {
        left -= 1;
        const t0 = performance.now();
        try {
          const res = await fetch(next(), { headers: { authorization: auth }, signal: AbortSignal.timeout(10_000) });
          await res.arrayBuffer();
          samples.push(performance.now() - t0);
          statusCodes[res.status] = (statusCodes[res.status] ?? 0) + 1;
        } catch {
          errors += 1;
        }
      }
    }),
  );
  return { label, samples: samples.sort((a, b) => a - b), wallMs: performance.now() - started, statusCodes, errors };
}

function toLoad(l: Latencies): LoadResult & { p95Ms: number } {
  const non2xx = Object.entries(l.statusCodes)
    .filter(([c]) => !c.startsWith('2'))
    .reduce((s, [, n]) => s + n, 0);
  return {
    label: l.label,
    rps: l.samples.length / (l.wallMs / 1000),
    p50Ms: round1(percentile(l.samples, 50)),
    p95Ms: round1(percentile(l.samples, 95)),
    p99Ms: round1(percentile(l.samples, 99)),
    requests: l.samples.length,
    errors: l.errors,
    timeouts: 0,
    non2xx,
    statusCodes: l.statusCodes,
  };
}

function randomPoints(regions: BenchRegion[], n: number): LngLat[] {
  const lngs = regions.flatMap((r) =>
    r.boundary?.type === 'Polygon' ? r.boundary.coordinates[0].map((p) => p[0]) : [],
  );
  const lats = regions.flatMap((r) =>
    r.boundary?.type === 'Polygon' ? r.boundary.coordinates[0].map((p) => p[1]) : [],
  );
  const [minX, maxX, minY, maxY] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)];
  return Array.from(
    { length: n },
    () => [minX + Math.random() * (maxX - minX), minY + Math.random() * (maxY - minY)] as LngLat,
  );
}

async function login(bffUrl: string, password: string): Promise<string> {
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

async function runBackend(
  backend: Backend,
  dist: BffDist,
): Promise<{ loads: (LoadResult & { p95Ms: number })[]; metrics: Metrics; env: BenchEnv }> {
  const secrets: DevSecrets = {
    JWT_SECRET: randomBytes(48).toString('base64url'),
    WECHAT_APPID: DEMO_APPID,
    WECHAT_SECRET: randomBytes(16).toString('hex'),
    ...freshPiiKeys(),
  };
  const seedEnv = { ...process.env, DATABASE_URL: backend.databaseUrl, ...secrets };
  console.error(`[${backend.name}] seeding the FULL demo town …`);
  const seedStarted = Date.now();
  const seedOut = await runToCompletion(
    process.execPath,
    [join(repoRoot, 'bff/bin/seed.js'), '--size', 'full', '--quiet'],
    seedEnv,
  );
  const seedSec = (Date.now() - seedStarted) / 1000;
  console.error(
    seedOut
      .split('\n')
      .filter((l) => l.startsWith('示范镇'))
      .join('\n'),
  );
  const password = `Bench-${randomBytes(12).toString('base64url')}9!`;
  const { town, regions } = await dist.prepareBenchTown(backend.databaseUrl, BENCH_USER, password);

  const stack = await startStack({
    secrets,
    port: 0,
    simPort: 0,
    databaseUrl: backend.databaseUrl,
    redisUrl: backend.redisUrl,
    onLine: () => undefined,
    extraEnv: {
      LOG_LEVEL: 'warn',
      ACCESS_TOKEN_TTL_SEC: '3600',
      ...(backend.redisKeyPrefix ? { REDIS_KEY_PREFIX: backend.redisKeyPrefix } : {}),
    },
  });
  // Stopped at the end of this backend (so the next one runs alone) or by the cleanup on failure.
  let stopped = false;
  const stopStack = async () => {
    if (stopped) return;
    stopped = true;
    await stack.stop();
  };
  defer(`stop ${backend.name} stack`, stopStack);
  const auth = await login(stack.bffUrl, password);

  const villages = regions.filter((r) => r.level === 'village');
  const grids = regions.filter((r) => r.level === 'grid');
  const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)];
  const surnames = ['王', '陈', '张', '李', '徐', '沈'];
  const persons = `${stack.bffUrl}/api/admin/persons`;
  const variants: [string, () => string][] = [
    [
      'persons_village_tag_name',
      () =>
        `${persons}?regionId=${pick(villages).id}&tag=${pick(['elderly_80', 'floating', 'low_income'])}&q=${encodeURIComponent(pick(surnames))}`,
    ],
    [
      'persons_village_tag',
      () => `${persons}?regionId=${pick(villages).id}&tag=${pick(['elderly_80', 'floating', 'disabled'])}`,
    ],
    ['persons_town_name', () => `${persons}?q=${encodeURIComponent(pick(surnames))}`],
    ['persons_grid', () => `${persons}?regionId=${pick(grids).id}`],
    ['persons_town_page50', () => `${persons}?page=${1 + Math.floor(Math.random() * 50)}&pageSize=20&sort=birthDate`],
  ];
  const points = randomPoints(regions, 5000);
  let p = 0;
  const resolveUrl = () => {
    const [lng, lat] = points[p++ % points.length];
    return `${stack.bffUrl}/api/admin/regions/resolve?lng=${lng.toFixed(6)}&lat=${lat.toFixed(6)}`;
  };
  const loads: (LoadResult & { p95Ms: number })[] = [];
  for (const [label, next] of [...variants, ['resolve', resolveUrl] as [string, () => string]]) {
    await timeRequests('warm-up', next, auth, 20, 2);
    loads.push(toLoad(await timeRequests(`${backend.name}_${label}_c1`, next, auth, SEQUENTIAL, 1)));
    loads.push(toLoad(await timeRequests(`${backend.name}_${label}_c10`, next, auth, CONCURRENT, 10)));
    console.error(`  ${loads[loads.length - 1].label}: p95 ${loads[loads.length - 1].p95Ms} ms`);
  }

  // In-process: the same GeoIndex the BFF builds, over the same boundaries.
  const index = new dist.GeoIndex(
    regions
      .filter((r) => r.boundary)
      .map((r) => ({ id: r.id, name: r.name, path: r.path, level: r.level, geometry: r.boundary as BoundaryGeometry })),
  );
  const inProcessPoints = randomPoints(regions, 200_000);
  let resolved = 0;
  const t0 = performance.now();
  for (const [lng, lat] of inProcessPoints) if (index.resolve(lng, lat, 200).regionId) resolved += 1;
  const inProcessPerSec = Math.round(inProcessPoints.length / ((performance.now() - t0) / 1000));

  const metrics: Metrics = {
    seed_full_sec: round1(seedSec),
    resolve_in_process_per_sec: inProcessPerSec,
    resolve_in_process_resolved_ratio: round1((resolved / inProcessPoints.length) * 100) / 100,
  };
  for (const l of loads)
    Object.assign(metrics, {
      [`${l.label}_rps`]: Math.round(l.rps),
      [`${l.label}_p50_ms`]: l.p50Ms,
      [`${l.label}_p95_ms`]: l.p95Ms,
      [`${l.label}_p99_ms`]: l.p99Ms,
      [`${l.label}_non2xx`]: l.non2xx,
      [`${l.label}_errors`]: l.errors,
    });
  const personLoads = loads.filter((l) => l.label.includes('_persons_'));
  metrics.persons_worst_p95_ms = Math.max(...personLoads.map((l) => l.p95Ms));
  metrics.persons_p95_target_met = metrics.persons_worst_p95_ms < P95_TARGET_MS ? 1 : 0;
  const env: BenchEnv = {
    db: backend.name,
    cache: backend.redisUrl ? 'redis' : 'memory',
    town: town.path,
    grids: grids.length,
    sequential_requests: SEQUENTIAL,
    concurrent_requests: CONCURRENT,
    concurrency: 10,
    bench_account: `${BENCH_USER} (village_admin bound to the town: person:read, no MFA)`,
  };
  await stopStack();
  return { loads, metrics, env };
}

function printLatencyTable(loads: (LoadResult & { p95Ms: number })[]): void {
  const header = ['target', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'n', 'non-2xx'];
  const rows = loads.map((l) => [
    l.label,
    String(Math.round(l.rps)),
    l.p50Ms.toFixed(1),
    l.p95Ms.toFixed(1),
    l.p99Ms.toFixed(1),
    String(l.requests),
    String(l.non2xx),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\nregistry latencies (target: person list p95 < ${P95_TARGET_MS} ms)`);
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}

async function run(): Promise<BenchOutcome> {
  const dist = bffDist();
  const all: BenchOutcome = { env: {}, metrics: {}, loads: [] };
  for (const name of ['sqlite', 'mariadb'] as const) {
    const backend = await provisionBackend(name, 'registry');
    if (!backend) continue;
    const result = await runBackend(backend, dist);
    printLatencyTable(result.loads);
    for (const [k, v] of Object.entries(result.metrics)) console.log(`${name} ${k}: ${v}`);
    const file = writeReport({
      name: `registry-${name}`,
      at: new Date().toISOString(),
      env: result.env,
      metrics: result.metrics,
    });
    console.log(`written ${file}`);
    all.loads.push(...result.loads);
    for (const [k, v] of Object.entries(result.metrics)) all.metrics[`${name}_${k}`] = v;
    all.env[`${name}_db`] = String(result.env.db);
  }
  return all;
}

export const benchmark: Benchmark = {
  name: 'registry',
  description:
    'persons list with region/tag/name filters and point → grid resolution over the full demo town (SQLite, MariaDB + Redis)',
  run,
};
