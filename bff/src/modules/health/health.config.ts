import { z } from '@zhili/shared';
import type { EnvOf } from '../../core/config/env-fields';

/** Environment of the health module. */
export const healthEnv = {
  HEALTH_PUSH_INTERVAL_MS: z.coerce.number().int().min(200).default(5000),
};
export type HealthEnv = EnvOf<typeof healthEnv>;
