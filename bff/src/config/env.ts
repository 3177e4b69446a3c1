import { z } from 'zod';
import { resolve } from 'path';
import { hmacKeyProblem, listedKeyIds, piiKeysProblems } from '../core/crypto/pii-keys';

/** Root of the repository (bff/src/config or bff/dist/config → two levels up from bff). */
export const repoRoot = resolve(__dirname, '../../..');

const url = (label: string) =>
  z.string().url({ message: `${label} must be a URL such as http://127.0.0.1:7002` });

/** A yes/no switch: true/false/1/0 (z.coerce.boolean would read "false" as true). */
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Exact origins (`https://host[:port]`), comma separated; no wildcards: CORS is an allow-list. */
const origins = z
  .string()
  .default('')
  .transform((v) => v.split(',').map((o) => o.trim().replace(/\/$/, '')).filter(Boolean))
  .superRefine((list, ctx) => {
    for (const origin of list) {
      let ok = false;
      try {
        const parsed = new URL(origin);
        ok = (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.origin === origin && !origin.includes('*');
      } catch {
        ok = false;
      }
      if (!ok) ctx.addIssue({ code: 'custom', message: `${origin} is not an origin such as https://admin.example.gov.cn (no path, no wildcard)` });
    }
  });

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(7001),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .default('sqlite:var/zhili.sqlite')
    .refine((v) => /^(sqlite:.+|(mysql|mariadb):\/\/.+)$/.test(v), {
      message: 'DATABASE_URL must be mysql://user:pass@host:3306/db (mariadb:// for MariaDB) or sqlite:<path>',
    }),
  /** Per-query limit on MySQL/MariaDB: a hung database fails requests fast (503) instead of holding them. */
  DB_QUERY_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600000).default(15000),
  REDIS_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || /^rediss?:\/\//.test(v), {
      message: 'REDIS_URL must look like redis://host:6379/0',
    }),
  /** Prefix of every Redis key and channel: lets deployments and test runs share one Redis. */
  REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]*$/).default('zhili:'),
  JWT_SECRET: z
    .string({ required_error: 'JWT_SECRET is required (at least 32 random characters)' })
    .min(32, 'JWT_SECRET must be at least 32 characters'),
  ACCESS_TOKEN_TTL_SEC: z.coerce.number().int().min(60).max(86400).default(900),
  REFRESH_TOKEN_TTL_SEC: z.coerce.number().int().min(3600).default(30 * 86400),
  WECHAT_API_BASE: url('WECHAT_API_BASE').default('https://api.weixin.qq.com'),
  WECHAT_APPID: z
    .string({ required_error: 'WECHAT_APPID is required (the mini-program appid, wx + 16 hex)' })
    .regex(/^wx[0-9a-f]{16}$/, 'WECHAT_APPID must be wx followed by 16 hex digits'),
  WECHAT_SECRET: z
    .string({ required_error: 'WECHAT_SECRET is required (the mini-program AppSecret)' })
    .regex(/^[0-9a-zA-Z]{32}$/, 'WECHAT_SECRET must be 32 letters or digits'),
  WECHAT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(5000),
  ADMIN_STATIC_DIR: z.string().default(resolve(repoRoot, 'admin/dist')),
  H5_STATIC_DIR: z.string().default(resolve(repoRoot, 'miniprogram/dist-h5')),
  /** Where uploaded photos are kept (local-disk file store, modules/file). */
  UPLOAD_DIR: z.string().default(resolve(repoRoot, 'var/uploads')),
  /** Set when the BFF runs behind exactly one reverse proxy that sets X-Forwarded-For. */
  TRUST_PROXY: flag.default('false'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  HEALTH_PUSH_INTERVAL_MS: z.coerce.number().int().min(200).default(5000),
  // Staff identity policy (bff/src/modules/staff, docs/CONTRACTS.md "issue #3").
  /** A staff refresh token unused this long is refused with AUTH_SESSION_IDLE. */
  STAFF_IDLE_TIMEOUT_SEC: z.coerce.number().int().min(60).max(86400).default(1800),
  /** Passwords older than this must be changed before anything else. */
  PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Failed logins (per username or per IP) after which a captcha is required. */
  LOGIN_CAPTCHA_AFTER: z.coerce.number().int().min(1).max(100).default(3),
  /** Failed logins per username after which the account is locked. */
  LOGIN_LOCK_AFTER: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** Issuer shown by authenticator apps next to the account name. */
  MFA_ISSUER: z.string().min(1).max(64).default('智理'),
  // Web hardening (core/http/security.ts). Browser origins allowed to call /api cross-origin; empty
  // (the default) = same-origin only.
  CORS_ORIGINS: origins,
  /** Trust `X-Forwarded-Proto: https` from the reverse proxy (HSTS is sent on HTTPS requests only). */
  TRUST_PROXY_TLS: flag.default('true'),
  /** Allow the AMap (高德) JS API domains in the admin CSP; default: on when VITE_AMAP_KEY is set. */
  CSP_ALLOW_AMAP: flag.optional(),
  VITE_AMAP_KEY: z.string().optional(),
  // Cases (#5): background delivery and jobs, WeChat content security / push / subscribe messages,
  // government connectors, Open311. See docs/CONTRACTS.md "Cases (issue #5)".
  /** Turns off every background loop (outbox worker, SLA watcher, gov pulls); tests drive them by hand. */
  JOBS_ENABLED: flag.default('true'),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60000).default(1000),
  SLA_WATCH_INTERVAL_MS: z.coerce.number().int().min(200).default(60000),
  /** Base URL under which outside services (WeChat media checks) can fetch signed file links. */
  PUBLIC_BASE_URL: url('PUBLIC_BASE_URL').optional(),
  /** Message-push token and EncodingAESKey (43 chars) of the mini-program's message push (safe mode). */
  WECHAT_PUSH_TOKEN: z.string().regex(/^[A-Za-z0-9]{3,32}$/, 'WECHAT_PUSH_TOKEN must be 3-32 letters or digits').optional(),
  WECHAT_PUSH_AES_KEY: z.string().regex(/^[A-Za-z0-9]{43}$/, 'WECHAT_PUSH_AES_KEY must be 43 letters or digits (EncodingAESKey)').optional(),
  WECHAT_TMPL_CASE_ACCEPTED: z.string().min(1).max(64).default('sim_tmpl_case_accepted'),
  WECHAT_TMPL_CASE_DISPATCHED: z.string().min(1).max(64).default('sim_tmpl_case_dispatched'),
  WECHAT_TMPL_CASE_RESOLVED: z.string().min(1).max(64).default('sim_tmpl_case_resolved'),
  /** miniprogram_state of subscribe messages: developer | trial | formal. */
  WECHAT_MP_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
  CASE_NEARBY_RADIUS_M: z.coerce.number().int().min(10).max(1000).default(200),
  /** 12345 hotline platform; the connector is off while HOTLINE_API_BASE is unset. */
  HOTLINE_API_BASE: url('HOTLINE_API_BASE').optional(),
  HOTLINE_APP_KEY: z.string().min(1).max(64).optional(),
  HOTLINE_APP_SECRET: z.string().min(16, 'HOTLINE_APP_SECRET must be at least 16 characters').optional(),
  HOTLINE_PULL_INTERVAL_MS: z.coerce.number().int().min(200).default(60000),
  GOV_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(5000),
  /** City operation platform (城市运行管理服务平台); escalation to the city is refused while unset. */
  CITY_API_BASE: url('CITY_API_BASE').optional(),
  CITY_APP_KEY: z.string().min(1).max(64).optional(),
  CITY_APP_SECRET: z.string().min(16, 'CITY_APP_SECRET must be at least 16 characters').optional(),
  OPEN311_JURISDICTION: z.string().regex(/^[a-z0-9.-]{3,64}$/).default('zhili.local'),
  // <env: cases>
  // Keys for personal data at rest (see bff/src/core/crypto/README.md); cross-checked below.
  PII_KEYS: z
    .string({ required_error: 'PII_KEYS is required: keyId:base64(32 random bytes)[,keyId2:…] (openssl rand -base64 32)' })
    .superRefine((v, ctx) => piiKeysProblems(v).forEach((message) => ctx.addIssue({ code: 'custom', message }))),
  PII_ACTIVE_KEY_ID: z.string({ required_error: 'PII_ACTIVE_KEY_ID is required: the id of the PII_KEYS entry new data is encrypted with' }),
  PII_HMAC_KEY: z
    .string({ required_error: 'PII_HMAC_KEY is required: base64 of at least 32 random bytes (keyed hash for lookups)' })
    .superRefine((v, ctx) => {
      const problem = hmacKeyProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
});

export type AppEnv = z.infer<typeof envSchema>;

/** Thrown at start when the environment is unusable; lists every problem at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses and validates the environment. Empty strings count as unset. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): AppEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  const problems = result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const { PII_KEYS, PII_ACTIVE_KEY_ID } = cleaned;
  if (PII_KEYS && PII_ACTIVE_KEY_ID && !listedKeyIds(PII_KEYS).includes(PII_ACTIVE_KEY_ID)) {
    problems.push(`PII_ACTIVE_KEY_ID: ${PII_ACTIVE_KEY_ID} is not one of the key ids in PII_KEYS`);
  }
  if (!result.success || problems.length) throw new ConfigError(problems);
  return result.data;
}
