import { z } from '@zhili/shared';
import type { EnvOf } from '../../core/config/env-fields';

/** Environment of the case module (docs/CONTRACTS.md "Cases (issue #5)"). */
export const caseEnv = {
  SLA_WATCH_INTERVAL_MS: z.coerce.number().int().min(200).default(60000),
  WECHAT_TMPL_CASE_ACCEPTED: z.string().min(1).max(64).default('sim_tmpl_case_accepted'),
  WECHAT_TMPL_CASE_DISPATCHED: z.string().min(1).max(64).default('sim_tmpl_case_dispatched'),
  WECHAT_TMPL_CASE_RESOLVED: z.string().min(1).max(64).default('sim_tmpl_case_resolved'),
  CASE_NEARBY_RADIUS_M: z.coerce.number().int().min(10).max(1000).default(200),
};
export type CaseEnv = EnvOf<typeof caseEnv>;
