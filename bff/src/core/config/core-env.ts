import { z } from '@zhili/shared';
import { resolve } from 'path';
import { hmacKeyProblem, piiKeysProblems } from '../crypto/pii-keys';
import { flag, url, type EnvOf } from './env-fields';
import { repoRoot } from './repo-root';

/** Exact origins (`https://host[:port]`), comma separated; no wildcards: CORS is an allow-list. */
const origins = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((o) => o.trim().replace(/\/$/, ''))
      .filter(Boolean),
  )
  .superRefine((list, ctx) => {
    for (const origin of list) {
      let ok = false;
      try {
        const parsed = new URL(origin);
        ok =
          (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
          parsed.origin === origin &&
          !origin.includes('*');
      } catch {
        ok = false;
      }
      if (!ok)
        ctx.addIssue({
          code: 'custom',
          message: `${origin} is not an origin such as https://admin.example.gov.cn (no path, no wildcard)`,
        });
    }
  });

/** Core's variables (server, database, Redis, tokens, web hardening, jobs, keys); modules declare theirs in their manifest. */
export const coreEnv = {
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
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]*$/)
    .default('zhili:'),
  JWT_SECRET: z
    .string({
      error: (issue) =>
        issue.input === undefined ? 'JWT_SECRET is required (at least 32 random characters)' : undefined,
    })
    .min(32, 'JWT_SECRET must be at least 32 characters'),
  ACCESS_TOKEN_TTL_SEC: z.coerce.number().int().min(60).max(86400).default(900),
  REFRESH_TOKEN_TTL_SEC: z.coerce
    .number()
    .int()
    .min(3600)
    .default(30 * 86400),
  ADMIN_STATIC_DIR: z.string().default(resolve(repoRoot, 'admin/dist')),
  H5_STATIC_DIR: z.string().default(resolve(repoRoot, 'miniprogram/dist-h5')),
  /** Set when the BFF runs behind exactly one reverse proxy that sets X-Forwarded-For. */
  TRUST_PROXY: flag.prefault('false'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  // Web hardening (core/http/security.ts). Browser origins allowed to call /api cross-origin; empty
  // (the default) = same-origin only.
  CORS_ORIGINS: origins,
  /** Trust `X-Forwarded-Proto: https` from the reverse proxy (HSTS is sent on HTTPS requests only). */
  TRUST_PROXY_TLS: flag.prefault('true'),
  /** Allow the AMap (高德) JS API domains in the admin CSP; default: on when VITE_AMAP_KEY is set. */
  CSP_ALLOW_AMAP: flag.optional(),
  VITE_AMAP_KEY: z.string().optional(),
  // Background delivery and jobs (core/jobs, core/outbox).
  /** Turns off every background loop (outbox worker, SLA watcher, gov pulls); tests drive them by hand. */
  JOBS_ENABLED: flag.prefault('true'),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60000).default(1000),
  /** Base URL under which outside services (WeChat media checks) can fetch signed file links. */
  PUBLIC_BASE_URL: url('PUBLIC_BASE_URL').optional(),
  // Keys for personal data at rest (see bff/src/core/crypto/README.md); cross-checked below.
  PII_KEYS: z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? 'PII_KEYS is required: keyId:base64(32 random bytes)[,keyId2:…] (openssl rand -base64 32)'
          : undefined,
    })
    .superRefine((v, ctx) => piiKeysProblems(v).forEach((message) => ctx.addIssue({ code: 'custom', message }))),
  PII_ACTIVE_KEY_ID: z.string({
    error: (issue) =>
      issue.input === undefined
        ? 'PII_ACTIVE_KEY_ID is required: the id of the PII_KEYS entry new data is encrypted with'
        : undefined,
  }),
  PII_HMAC_KEY: z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? 'PII_HMAC_KEY is required: base64 of at least 32 random bytes (keyed hash for lookups)'
          : undefined,
    })
    .superRefine((v, ctx) => {
      const problem = hmacKeyProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
};

export type CoreEnv = EnvOf<typeof coreEnv>;
