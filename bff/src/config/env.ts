import { z } from '@zhili/shared';
import { listedKeyIds } from '../core/crypto/pii-keys';
import { coreEnv, type CoreEnv } from '../core/config/core-env';
import { repoRoot } from '../core/config/repo-root';
import { manifests, type ModulesEnv } from '../modules';

export { repoRoot };

export type { CoreEnv };

/** Every variable: core's and each module's (a module's classes inject only their own part). */
export type AppEnv = CoreEnv & ModulesEnv;

/** One schema over all parts, so one start reports every problem at once, core's and modules' alike. */
const envSchema = z.object(Object.assign({}, coreEnv, ...manifests.map((m) => m.config ?? {})));

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
  // The schema is assembled at run time from the manifests; ModulesEnv is the same union, typed.
  return result.data as AppEnv;
}
