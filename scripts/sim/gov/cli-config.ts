// Environment → options of both government simulators for the CLI. Pure, so it is unit-tested.

export interface GovSimCliConfig {
  host: string;
  hotline: { port: number; appKey: string; appSecret: string };
  city: { port: number; appKey: string; appSecret: string };
  /** BFF base URL to push to (e.g. http://127.0.0.1:7001); null = no pushes, pull only. */
  pushBase: string | null;
  latencyMs: number;
  failureRate: number;
  seed: number;
  demoOrders: number;
}

export type GovSimCliResult = { ok: true; config: GovSimCliConfig } | { ok: false; error: string };

export const DEFAULT_HOTLINE_PORT = 7003;
export const DEFAULT_CITY_PORT = 7004;

type Env = Record<string, string | undefined>;

function num(env: Env, name: string, fallback: number, min: number, max: number, integer = true): number | string {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    return `${name} must be ${integer ? 'an integer' : 'a number'} in [${min}, ${max}], got "${raw}"`;
  }
  return value;
}

function credentials(env: Env, prefix: 'HOTLINE' | 'CITY'): { appKey: string; appSecret: string } | string {
  const appKey = env[`${prefix}_APP_KEY`]?.trim();
  const appSecret = env[`${prefix}_APP_SECRET`]?.trim();
  if (!appKey || !appSecret)
    return `${prefix}_APP_KEY and ${prefix}_APP_SECRET are required (the same values the BFF gets)`;
  if (appSecret.length < 16) return `${prefix}_APP_SECRET must be at least 16 characters`;
  return { appKey, appSecret };
}

export function parseGovSimConfig(env: Env): GovSimCliResult {
  const values = {
    hotlinePort: num(env, 'HOTLINE_SIM_PORT', DEFAULT_HOTLINE_PORT, 0, 65535),
    cityPort: num(env, 'CITY_SIM_PORT', DEFAULT_CITY_PORT, 0, 65535),
    latencyMs: num(env, 'GOV_SIM_LATENCY_MS', 0, 0, 60000),
    failureRate: num(env, 'GOV_SIM_FAILURE_RATE', 0, 0, 1, false),
    seed: num(env, 'GOV_SIM_SEED', 1, 0, 2 ** 32 - 1),
    demoOrders: num(env, 'GOV_SIM_DEMO_ORDERS', 2, 0, 100),
  };
  for (const value of Object.values(values)) if (typeof value === 'string') return { ok: false, error: value };
  const hotline = credentials(env, 'HOTLINE');
  if (typeof hotline === 'string') return { ok: false, error: hotline };
  const city = credentials(env, 'CITY');
  if (typeof city === 'string') return { ok: false, error: city };
  const pushBase = env.GOV_SIM_PUSH_BASE?.trim() || null;
  if (pushBase !== null && !/^https?:\/\/[^/]+$/.test(pushBase)) {
    return { ok: false, error: `GOV_SIM_PUSH_BASE must be an origin such as http://127.0.0.1:7001, got "${pushBase}"` };
  }
  const v = values as { [K in keyof typeof values]: number };
  return {
    ok: true,
    config: {
      host: env.GOV_SIM_HOST?.trim() || '127.0.0.1',
      hotline: { port: v.hotlinePort, ...hotline },
      city: { port: v.cityPort, ...city },
      pushBase,
      latencyMs: v.latencyMs,
      failureRate: v.failureRate,
      seed: v.seed,
      demoOrders: v.demoOrders,
    },
  };
}

/** The BFF's callback paths (docs/GOV-PROTOCOL.md §5). */
export const GOV_CALLBACK_PATHS = {
  hotline: '/api/callbacks/gov/hotline12345',
  city: '/api/callbacks/gov/city',
} as const;
