// Run-length and concurrency knobs, read once from the environment.

export interface Knobs {
  durationSec: number;
  connections: number;
  /** Load before each measurement that is thrown away (JIT, pools, caches settle). */
  warmupSec: number;
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  // Fail loudly: a typo silently falling back to the default would produce misleading numbers.
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

export function readKnobs(): Knobs {
  return {
    durationSec: positiveInt('BENCH_DURATION_SEC', 10),
    connections: positiveInt('BENCH_CONNECTIONS', 50),
    warmupSec: 2,
  };
}
