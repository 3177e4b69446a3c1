// import-health: does an Excel import stall the BFF? Uploads a large valid workbook (20,000 persons:
// dry run, then commit) and an xlsx zip bomb (a 50 MB cell in ~60 KB) to the built BFF on SQLite,
// while probing `/api/health` every 20 ms and recording the BFF's own event-loop delay
// (monitorEventLoopDelay, preloaded via NODE_OPTIONS) and RSS. Before the parse worker, the bomb
// blocked the loop 8.1 s and took RSS to 1.2 GB. Writes var/bench/import-health.json.
import * as ExcelJS from 'exceljs';
import { randomBytes } from 'crypto';
import { join } from 'path';
import { idNumberCheckChar } from '@zhili/shared';
import { sheetXml, xlsxParts, zipOf } from '../../bff/test/support/zip-writer';
import { DEMO_APPID, DevSecrets, freshPiiKeys, repoRoot } from '../launcher/dev-env';
import { runToCompletion } from '../launcher/processes';
import { startStack } from '../launcher/stack';
import { defer } from './lib/cleanup';
import { provisionBackend } from './lib/fresh-backend';
import type { Benchmark, BenchOutcome, LoadResult, Metrics } from './lib/types';

const BENCH_USER = 'bench.import';
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 20_000);
const PROBE_GAP_MS = 20;
const PERSON_HEADERS = [
  '姓名',
  '身份证号',
  '性别',
  '出生日期',
  '手机号',
  '户籍类型',
  '户籍地址',
  '现住址',
  '所属区域',
  '户编号',
  '与户主关系',
  '标签',
  '来源地',
  '来住日期',
  '居住证状态',
  '备注',
];

interface BenchRegion {
  id: string;
  name: string;
  path: string;
  level: string;
}
interface LoopSample {
  at: number;
  maxMs: number;
  p99Ms: number;
  rssMb: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;

async function bigWorkbook(region: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员');
  ws.addRow(PERSON_HEADERS);
  for (let i = 0; i < ROWS; i++) {
    const first17 = `330102${1950 + (i % 50)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(100 + Math.floor(i / 600)).padStart(3, '0')}`;
    ws.addRow([
      `基准${i}`,
      first17 + idNumberCheckChar(first17),
      '',
      '',
      `139${String(i).padStart(8, '0')}`,
      '户籍',
      '示范路 1 号',
      '示范路 1 号',
      region,
      '',
      '',
      '',
      '',
      '',
      '',
      `第 ${i} 行`,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Probes /api/health sequentially until `stop()`; latencies in ms. */
function probeHealth(bffUrl: string): {
  stop: () => Promise<LoadResult & { maxMs: number }>;
  label: (l: string) => void;
} {
  const samples: number[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  let running = true;
  let name = 'health';
  const started = performance.now();
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      try {
        const res = await fetch(`${bffUrl}/api/health`, { signal: AbortSignal.timeout(30_000) });
        await res.arrayBuffer();
        samples.push(performance.now() - t0);
        statusCodes[res.status] = (statusCodes[res.status] ?? 0) + 1;
      } catch {
        errors += 1;
      }
      await new Promise((r) => setTimeout(r, PROBE_GAP_MS));
    }
  })();
  return {
    label: (l) => (name = l),
    stop: async () => {
      running = false;
      await loop;
      const sorted = [...samples].sort((a, b) => a - b);
      const non2xx = Object.entries(statusCodes)
        .filter(([c]) => !c.startsWith('2'))
        .reduce((s, [, n]) => s + n, 0);
      return {
        label: name,
        rps: samples.length / ((performance.now() - started) / 1000),
        p50Ms: round1(percentile(sorted, 50)),
        p99Ms: round1(percentile(sorted, 99)),
        maxMs: round1(sorted[sorted.length - 1] ?? 0),
        requests: samples.length,
        errors,
        timeouts: 0,
        non2xx,
        statusCodes,
      };
    },
  };
}

async function upload(
  bffUrl: string,
  auth: string,
  file: Buffer,
  dryRun = true,
): Promise<{ status: number; ms: number; body: { data?: { id: string }; error?: { code: string; message: string } } }> {
  const form = new FormData();
  form.append('kind', 'persons');
  form.append('dryRun', String(dryRun));
  form.append('file', new Blob([new Uint8Array(file)]), 'bench.xlsx');
  const t0 = performance.now();
  const res = await fetch(`${bffUrl}/api/admin/registry/imports`, {
    method: 'POST',
    headers: { authorization: auth },
    body: form,
  });
  const body = (await res.json()) as { data?: { id: string }; error?: { code: string; message: string } };
  return { status: res.status, ms: round1(performance.now() - t0), body };
}

async function waitForJob(
  bffUrl: string,
  auth: string,
  id: string,
): Promise<{ status: string; totalRows: number; errorCount: number }> {
  for (let failures = 0; ;) {
    // A poll may meet a keep-alive socket the server is closing: retried, but a dead BFF still fails.
    const res = await fetch(`${bffUrl}/api/admin/registry/imports/${id}`, { headers: { authorization: auth } }).catch(
      (err: Error) => {
        if (++failures > 5) throw err;
        return null;
      },
    );
    if (!res) {
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    const job = ((await res.json()) as { data: { status: string; totalRows: number; errorCount: number } }).data;
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function run(): Promise<BenchOutcome> {
  // BENCH_IMPORT_DB=mariadb runs the same on MariaDB + Redis (SQLite writes on the main thread).
  const dbName = process.env.BENCH_IMPORT_DB === 'mariadb' ? 'mariadb' : 'sqlite';
  const backend = await provisionBackend(dbName, 'import-health');
  if (!backend) throw new Error(`no ${dbName} backend`);
  const secrets: DevSecrets = {
    JWT_SECRET: randomBytes(48).toString('base64url'),
    WECHAT_APPID: DEMO_APPID,
    WECHAT_SECRET: randomBytes(16).toString('hex'),
    ...freshPiiKeys(),
  };
  await runToCompletion(process.execPath, [join(repoRoot, 'bff/bin/seed.js'), '--size', 'small', '--quiet'], {
    ...process.env,
    DATABASE_URL: backend.databaseUrl,
    ...secrets,
  });
  const support = require(join(repoRoot, 'bff/dist/seed/bench-support')) as {
    prepareBenchTown(
      url: string,
      user: string,
      password: string,
    ): Promise<{ town: BenchRegion; regions: BenchRegion[] }>;
  };
  const password = `Bench-${randomBytes(12).toString('base64url')}9!`;
  const { town, regions } = await support.prepareBenchTown(backend.databaseUrl, BENCH_USER, password);
  const names = new Map([town, ...regions].map((r) => [r.id, r.name]));
  const grid = regions.find((r) => r.level === 'grid');
  if (!grid) throw new Error('the demo town has no grid');
  const gridPath = grid.path
    .split('/')
    .filter(Boolean)
    .map((id) => names.get(id))
    .join('/');

  const loop: LoopSample[] = [];
  /** The BFF's last other output lines, printed when a phase fails. */
  const bffTail: string[] = [];
  const stack = await startStack({
    secrets,
    port: 0,
    simPort: 0,
    databaseUrl: backend.databaseUrl,
    redisUrl: backend.redisUrl,
    onLine: (line) => {
      if (line.startsWith('[event-loop] ')) loop.push(JSON.parse(line.slice(13)) as LoopSample);
      else bffTail.push(line.slice(0, 500)) > 40 && bffTail.shift();
    },
    extraEnv: {
      LOG_LEVEL: 'warn',
      ACCESS_TOKEN_TTL_SEC: '3600',
      NODE_OPTIONS: `--require ${join(__dirname, 'lib/event-loop-probe.cjs')}`,
      ...(backend.redisKeyPrefix ? { REDIS_KEY_PREFIX: backend.redisKeyPrefix } : {}),
    },
  });
  defer('stop import-health stack', () => stack.stop());
  const login = await fetch(`${stack.bffUrl}/api/admin/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: BENCH_USER, password }),
  });
  const auth = `Bearer ${((await login.json()) as { data: { accessToken: string } }).data.accessToken}`;

  const big = await bigWorkbook(gridPath);
  const bomb = zipOf(
    xlsxParts(sheetXml([PERSON_HEADERS, ['张三', 'A'.repeat(50 * 1024 * 1024), '', '', '', '户籍', '', '', gridPath]])),
  );
  const loopDuring = (from: number, to: number) => loop.filter((s) => s.at >= from && s.at <= to + 300);
  const metrics: Metrics = {
    rows: ROWS,
    big_file_kb: Math.round(big.length / 1024),
    bomb_file_kb: Math.round(bomb.length / 1024),
  };
  const loads: LoadResult[] = [];

  const phase = async (label: string, work: () => Promise<void>) => {
    const probe = probeHealth(stack.bffUrl);
    probe.label(`health_${label}`);
    const from = Date.now();
    try {
      await work();
    } catch (err) {
      console.error(`phase ${label} failed; the BFF's last lines:\n${bffTail.join('\n')}`);
      throw err;
    }
    const load = await probe.stop();
    const samples = loopDuring(from, Date.now());
    loads.push(load);
    Object.assign(metrics, {
      [`health_${label}_p50_ms`]: load.p50Ms,
      [`health_${label}_p99_ms`]: load.p99Ms,
      [`health_${label}_max_ms`]: load.maxMs,
      [`event_loop_${label}_max_ms`]: Math.max(0, ...samples.map((s) => s.maxMs)),
      [`rss_${label}_max_mb`]: Math.max(0, ...samples.map((s) => s.rssMb)),
    });
  };

  await phase('idle', () => new Promise((r) => setTimeout(r, 3000)));
  await phase('big_import', async () => {
    const res = await upload(stack.bffUrl, auth, big);
    if (res.status !== 202 || !res.body.data)
      throw new Error(`big import answered ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    metrics.big_import_accept_ms = res.ms;
    const t0 = performance.now();
    const accepted = Date.now();
    const job = await waitForJob(stack.bffUrl, auth, res.body.data.id);
    metrics.big_import_check_ms = round1(performance.now() - t0);
    // The same window split in two: parsing (worker) until the 202, then checking the rows (main thread).
    metrics.event_loop_big_import_parse_max_ms = Math.max(
      0,
      ...loopDuring(accepted - res.ms, accepted).map((s) => s.maxMs),
    );
    metrics.event_loop_big_import_check_max_ms = Math.max(0, ...loopDuring(accepted, Date.now()).map((s) => s.maxMs));
    metrics.big_import_total_rows = job.totalRows;
    metrics.big_import_errors = job.errorCount;
  });
  // The same file committed: 20,000 persons sealed (SM4 + HMAC-SM3) and written in one transaction.
  await phase('big_commit', async () => {
    const res = await upload(stack.bffUrl, auth, big, false);
    if (res.status !== 202 || !res.body.data)
      throw new Error(`big commit answered ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    const t0 = performance.now();
    const job = await waitForJob(stack.bffUrl, auth, res.body.data.id);
    metrics.big_commit_ms = round1(performance.now() - t0 + res.ms);
    metrics.big_commit_succeeded = job.status === 'succeeded' ? 1 : 0;
  });
  await phase('bomb', async () => {
    const res = await upload(stack.bffUrl, auth, bomb);
    metrics.bomb_status = res.status;
    metrics.bomb_refused_ms = res.ms;
    if (res.status !== 413)
      throw new Error(`the zip bomb answered ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  });
  for (const [k, v] of Object.entries(metrics)) console.log(`${k}: ${v}`);
  return {
    env: {
      db: backend.name,
      cache: backend.redisUrl ? 'redis' : 'memory',
      town: 'small demo town',
      grid: gridPath,
      probe_gap_ms: PROBE_GAP_MS,
    },
    metrics,
    loads,
  };
}

export const benchmark: Benchmark = {
  name: 'import-health',
  description: `large Excel import (${ROWS} rows) and an xlsx zip bomb vs /api/health latency and the BFF's event-loop delay`,
  run,
};
