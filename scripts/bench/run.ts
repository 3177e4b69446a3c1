// `npm run bench [-- <name> …]`: runs the named benchmarks (all when none is named), prints a table,
// writes var/bench/<name>.json, and exits non-zero when a run failed or saw errors/non-2xx.
import { ensureBuilt } from '../launcher/builds';
import { installSignalHandlers, runCleanups } from './lib/cleanup';
import { loadProblems } from './lib/load';
import { printTable, writeReport } from './lib/report';
import type { Benchmark } from './lib/types';

/** Name → loader; lazy so one benchmark's imports (and failures) don't affect another. */
const registry: Record<string, () => Promise<Benchmark>> = {
  'http-baseline': async () => (await import('./http-baseline')).benchmark,
  registry: async () => (await import('./registry')).benchmark,
  cases: async () => (await import('./cases')).benchmark,
  'import-health': async () => (await import('./import-health')).benchmark,
  study: async () => (await import('./study')).benchmark,
  'pay-notify': async () => (await import('./pay-notify')).benchmark,
};

const available = Object.keys(registry);

/** Runs one benchmark; returns false when it failed or measured errors. */
async function runOne(name: string): Promise<boolean> {
  const bench = await registry[name]();
  console.log(`\n=== bench ${bench.name}: ${bench.description}`);
  try {
    const outcome = await bench.run();
    printTable(`${bench.name} results`, outcome.loads);
    const ratios = Object.entries(outcome.metrics).filter(([k]) => k.endsWith('_ratio'));
    for (const [key, value] of ratios) console.log(`${key}: ${value}`);
    // Written even when dirty: the error counts are metrics, and a stale clean file would mislead.
    const file = writeReport({
      name: bench.name,
      at: new Date().toISOString(),
      env: outcome.env,
      metrics: outcome.metrics,
    });
    console.log(`written ${file}`);
    const problems = outcome.loads.flatMap(loadProblems);
    if (problems.length === 0) return true;
    console.error(`\n!!!!!!!! BENCHMARK ${bench.name} IS INVALID — the numbers above are not usable !!!!!!!!`);
    for (const p of problems) console.error(`!!! ${p}`);
    return false;
  } catch (err) {
    console.error(`\n!!!!!!!! BENCHMARK ${bench.name} FAILED !!!!!!!!\n${(err as Error).stack ?? String(err)}`);
    return false;
  } finally {
    await runCleanups();
  }
}

async function main(): Promise<number> {
  const names = process.argv.slice(2);
  if (names.includes('--list')) {
    console.log(available.join('\n'));
    return 0;
  }
  const unknown = names.filter((n) => !Object.hasOwn(registry, n));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark: ${unknown.join(', ')}. Available: ${available.join(', ')}`);
    return 1;
  }
  installSignalHandlers();
  // Benchmarks run the built BFF: a stale build would measure code that is no longer there.
  ensureBuilt(false, console.log, 'bff');
  let ok = true;
  for (const name of names.length > 0 ? names : available) ok = (await runOne(name)) && ok;
  return ok ? 0 : 1;
}

// Explicit exit: lingering keep-alive sockets of the load generator must not keep us alive.
main().then(
  (code) => process.exit(code),
  async (err: unknown) => {
    console.error(err);
    await runCleanups();
    process.exit(1);
  },
);
