// A closed-loop load generator for requests autocannon cannot express: every request has its own
// body and caller (e.g. many residents each filing their own report). `concurrency` workers send
// `count` requests in total, one at a time each, and every latency is kept, so the percentiles
// are exact rather than histogram buckets.
import type { LoadResult } from './types';

export interface TimedLoad extends LoadResult {
  p95Ms: number;
  /** What `classify` said about the 2xx answers (e.g. the status of the created case). */
  outcomes: Record<string, number>;
  /** The first body seen for each non-2xx status (truncated): the error code says why. */
  failureSamples: Record<string, string>;
}

export interface SampleSpec {
  label: string;
  count: number;
  concurrency: number;
  /** Sends request number `i` (0-based within this run). */
  send: (i: number) => Promise<Response>;
  /** Names the outcome of a 2xx answer from its parsed body (tallied in `outcomes`). */
  classify?: (body: unknown) => string;
  timeoutMs?: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function classifyText(classify: (body: unknown) => string, text: string): string {
  try {
    return classify(JSON.parse(text) as unknown);
  } catch {
    return 'unparseable';
  }
}

export async function sample(spec: SampleSpec): Promise<TimedLoad> {
  const samples: number[] = [];
  const statusCodes: Record<string, number> = {};
  const outcomes: Record<string, number> = {};
  const failureSamples: Record<string, string> = {};
  let errors = 0;
  let timeouts = 0;
  let nextIndex = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: spec.concurrency }, async () => {
      while (nextIndex < spec.count) {
        const i = nextIndex;
        nextIndex += 1;
        const t0 = performance.now();
        try {
          const res = await spec.send(i);
          const text = await res.text();
          // Latency includes reading the body: that is when a client can use the answer.
          samples.push(performance.now() - t0);
          statusCodes[res.status] = (statusCodes[res.status] ?? 0) + 1;
          if (!res.ok && !(res.status in failureSamples)) failureSamples[res.status] = text.slice(0, 400);
          if (res.ok && spec.classify) {
            const outcome = classifyText(spec.classify, text);
            outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
          }
        } catch (err) {
          errors += 1;
          if ((err as Error).name === 'TimeoutError') timeouts += 1;
        }
      }
    }),
  );
  const wallSec = (performance.now() - started) / 1000;
  samples.sort((a, b) => a - b);
  const non2xx = Object.entries(statusCodes)
    .filter(([code]) => !code.startsWith('2'))
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    label: spec.label,
    // Only answered requests count as throughput; failures are reported beside it.
    rps: (samples.length - non2xx) / wallSec,
    p50Ms: round1(percentile(samples, 50)),
    p95Ms: round1(percentile(samples, 95)),
    p99Ms: round1(percentile(samples, 99)),
    requests: samples.length,
    errors,
    timeouts,
    non2xx,
    statusCodes,
    outcomes,
    failureSamples,
  };
}

/** Flat metrics of a timed load: `<label>_rps`, `_p50_ms`, `_p95_ms`, `_p99_ms`, counts. */
export function timedLoadMetrics(r: TimedLoad): Record<string, number> {
  const metrics: Record<string, number> = {
    [`${r.label}_rps`]: Math.round(r.rps * 10) / 10,
    [`${r.label}_p50_ms`]: r.p50Ms,
    [`${r.label}_p95_ms`]: r.p95Ms,
    [`${r.label}_p99_ms`]: r.p99Ms,
    [`${r.label}_requests`]: r.requests,
    [`${r.label}_errors`]: r.errors,
    [`${r.label}_timeouts`]: r.timeouts,
    [`${r.label}_non2xx`]: r.non2xx,
  };
  for (const [outcome, n] of Object.entries(r.outcomes)) metrics[`${r.label}_outcome_${outcome}`] = n;
  return metrics;
}
