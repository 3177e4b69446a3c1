import { z } from '@zhili/shared';
import type { EnvOf } from '../../core/config/env-fields';

/** Environment of the Open311 module. */
export const open311Env = {
  /** The one jurisdiction_id this server answers for. */
  OPEN311_JURISDICTION: z
    .string()
    .regex(/^[a-z0-9.-]{3,64}$/)
    .default('zhili.local'),
};
export type Open311Env = EnvOf<typeof open311Env>;
