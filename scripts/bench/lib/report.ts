// Output of a run: the console table, the JSON file under var/bench/, and the host description.
import { cpus, platform, release, arch } from 'os';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { repoRoot } from '../../launcher/dev-env';
import type { Knobs } from './knobs';
import type { BenchEnv, BenchReport, LoadResult } from './types';

export const benchDir = join(repoRoot, 'var/bench');

/** Machine and knob description recorded with every result (numbers are meaningless without it). */
export function hostEnv(knobs: Knobs): BenchEnv {
  const cpuList = cpus();
  return {
    node: process.version,
    cpu_model: cpuList[0]?.model.trim() ?? 'unknown',
    cpu_count: cpuList.length,
    os: `${platform()} ${release()} ${arch()}`,
    duration_sec: knobs.durationSec,
    connections: knobs.connections,
    warmup_sec: knobs.warmupSec,
  };
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A fixed-width table, readable in CI logs (no colours, no box-drawing characters). */
export function printTable(title: string, loads: LoadResult[]): void {
  const header = ['target', 'req/s avg', 'p50 ms', 'p99 ms', 'requests', 'errors', 'non-2xx'];
  const rows = loads.map((r) => [
    r.label,
    fmt(r.rps),
    fmt(r.p50Ms, 1),
    fmt(r.p99Ms, 1),
    fmt(r.requests),
    String(r.errors),
    String(r.non2xx),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

/** Writes var/bench/<name>.json and returns its path. */
export function writeReport(report: BenchReport): string {
  mkdirSync(benchDir, { recursive: true });
  const file = join(benchDir, `${report.name}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
