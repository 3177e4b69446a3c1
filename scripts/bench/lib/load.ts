// Drives autocannon programmatically: a discarded warm-up, then the measured run.
import autocannon from 'autocannon';
import type { Knobs } from './knobs';
import type { LoadResult } from './types';

export interface LoadTarget {
  label: string;
  url: string;
  headers?: Record<string, string>;
}

function statusCounts(result: autocannon.Result): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) counts[code] = stat.count ?? 0;
  return counts;
}

/** Measures one URL with the configured knobs; progress goes to stderr as one line per phase. */
export async function measure(target: LoadTarget, knobs: Knobs): Promise<LoadResult> {
  const base = { url: target.url, headers: target.headers, connections: knobs.connections };
  process.stderr.write(`  ${target.label}: warm-up ${knobs.warmupSec}s …\n`);
  // Separate run instead of autocannon's `warmup` option: its results are simply dropped, and the
  // option is missing from the typings.
  await autocannon({ ...base, duration: knobs.warmupSec });
  process.stderr.write(`  ${target.label}: measuring ${knobs.durationSec}s with ${knobs.connections} connections …\n`);
  const result = await autocannon({ ...base, duration: knobs.durationSec });
  return {
    label: target.label,
    rps: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: statusCounts(result),
  };
}

/** The flat metrics of one load result: `<label>_rps`, `_p50_ms`, `_p99_ms`, error counts. */
export function loadMetrics(r: LoadResult): Record<string, number> {
  return {
    [`${r.label}_rps`]: Math.round(r.rps),
    [`${r.label}_p50_ms`]: r.p50Ms,
    [`${r.label}_p99_ms`]: r.p99Ms,
    [`${r.label}_requests`]: r.requests,
    [`${r.label}_errors`]: r.errors,
    [`${r.label}_timeouts`]: r.timeouts,
    [`${r.label}_non2xx`]: r.non2xx,
  };
}

/** Human-readable reasons a load result is unusable; empty when it is clean. */
export function loadProblems(r: LoadResult): string[] {
  const problems: string[] = [];
  if (r.errors > 0) problems.push(`${r.label}: ${r.errors} connection errors (${r.timeouts} timeouts)`);
  if (r.non2xx > 0) {
    const bad = Object.entries(r.statusCodes).filter(([code]) => !code.startsWith('2'));
    problems.push(`${r.label}: ${r.non2xx} non-2xx responses (${bad.map(([c, n]) => `${c}×${n}`).join(', ')})`);
  }
  if (r.requests === 0) problems.push(`${r.label}: no request completed`);
  return problems;
}
