// Latency and failure injection with a seeded RNG, so a failing test run can be replayed exactly.

/** mulberry32: tiny, fast, good enough to pick faults reproducibly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * What happens to one platform call:
 * - `ok`: answered normally;
 * - `down`: the platform is switched off (503 50301, nothing applied);
 * - `error`: a random 500 before anything is applied;
 * - `gateway`: a random 502 HTML page from the gateway (not even JSON), nothing applied;
 * - `hang`: the call IS applied but the answer never comes (the caller times out) — the case that
 *   makes idempotency matter.
 */
export type FaultKind = 'ok' | 'down' | 'error' | 'gateway' | 'hang';

export interface FaultSettings {
  /** Added before every answer of the platform API (not the dev endpoints). */
  latencyMs: number;
  /** Probability (0–1) that a call fails at random. */
  failureRate: number;
  /** Fully down: every platform call answers 503. */
  down: boolean;
}

export class FaultInjector {
  private readonly random: () => number;
  private readonly settings: FaultSettings;
  private readonly counts: Record<FaultKind, number> = { ok: 0, down: 0, error: 0, gateway: 0, hang: 0 };

  constructor(seed: number, initial: Partial<FaultSettings>) {
    this.random = seededRandom(seed);
    this.settings = { latencyMs: 0, failureRate: 0, down: false, ...defined(initial) };
    validate(this.settings);
  }

  get current(): FaultSettings {
    return { ...this.settings };
  }

  update(patch: Partial<FaultSettings>): FaultSettings {
    const next = { ...this.settings, ...defined(patch) };
    validate(next);
    Object.assign(this.settings, next);
    return this.current;
  }

  /** Decides the fate of the next call (one RNG draw per call, two when it fails). */
  next(): FaultKind {
    const kind = this.pick();
    this.counts[kind] += 1;
    return kind;
  }

  stats(): Record<FaultKind, number> {
    return { ...this.counts };
  }

  private pick(): FaultKind {
    if (this.settings.down) return 'down';
    if (this.settings.failureRate <= 0 || this.random() >= this.settings.failureRate) return 'ok';
    const r = this.random();
    if (r < 0.5) return 'error';
    if (r < 0.75) return 'gateway';
    return 'hang';
  }
}

/** Drops absent keys, so `{ failureRate: undefined }` keeps the current value. */
function defined(patch: Partial<FaultSettings>): Partial<FaultSettings> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<FaultSettings>;
}

function validate(s: FaultSettings): void {
  if (!(s.failureRate >= 0 && s.failureRate <= 1))
    throw new Error(`gov-sim: failureRate must be in [0, 1], got ${s.failureRate}`);
  if (!(s.latencyMs >= 0 && Number.isFinite(s.latencyMs)))
    throw new Error(`gov-sim: latencyMs must be ≥ 0, got ${s.latencyMs}`);
  if (typeof s.down !== 'boolean') throw new Error(`gov-sim: down must be a boolean, got ${String(s.down)}`);
}
