// Shapes shared by every benchmark and the runner (no runtime code).

/** Flat numeric metrics, so results of different runs diff and chart without schema knowledge. */
export type Metrics = Record<string, number>;

/** Where and how a run was measured; numbers only mean something next to this. */
export type BenchEnv = Record<string, string | number>;

/** Exactly what lands in var/bench/<name>.json. */
export interface BenchReport {
  name: string;
  /** ISO timestamp of the end of the run. */
  at: string;
  env: BenchEnv;
  metrics: Metrics;
}

/** Result of one load run against one URL, reduced to what we report. */
export interface LoadResult {
  /** Metric prefix, e.g. `health` → `health_rps`. */
  label: string;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Connection errors (includes timeouts). */
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Status code → count, to tell 401s from 5xx in the failure message. */
  statusCodes: Record<string, number>;
}

/** What a benchmark produces; the runner prints, persists and judges it. */
export interface BenchOutcome {
  env: BenchEnv;
  metrics: Metrics;
  loads: LoadResult[];
}

export interface Benchmark {
  name: string;
  description: string;
  run(): Promise<BenchOutcome>;
}
