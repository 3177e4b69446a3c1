import { z } from 'zod';
import { resolve } from 'path';

/** Root of the repository (bff/src/config or bff/dist/config → two levels up from bff). */
export const repoRoot = resolve(__dirname, '../../..');

const url = (label: string) =>
  z.string().url({ message: `${label} must be a URL such as http://127.0.0.1:7002` });

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(7001),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .default('sqlite:var/zhili.sqlite')
    .refine((v) => /^(sqlite:.+|(mysql|mariadb):\/\/.+)$/.test(v), {
      message: 'DATABASE_URL must be mysql://user:pass@host:3306/db (mariadb:// for MariaDB) or sqlite:<path>',
    }),
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
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  HEALTH_PUSH_INTERVAL_MS: z.coerce.number().int().min(200).default(5000),
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
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return result.data;
}
