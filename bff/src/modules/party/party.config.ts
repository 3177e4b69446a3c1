import { z } from '@zhili/shared';
import type { EnvOf } from '../../core/config/env-fields';

/** Environment of the party module (docs/CONTRACTS.md "Party organisation and members"). */
export const partyEnv = {
  /** Term (任期) of the town committee in years (基层党委: 5). */
  PARTY_TERM_YEARS_COMMITTEE: z.coerce.number().int().min(1).max(10).default(5),
  /** Term of general branches and branches in years (党总支、党支部: 3). */
  PARTY_TERM_YEARS_BRANCH: z.coerce.number().int().min(1).max(10).default(3),
  /** How many days before a term ends the organisation shows as "due for 换届". */
  PARTY_TERM_WARN_DAYS: z.coerce.number().int().min(0).max(730).default(90),
};
export type PartyEnv = EnvOf<typeof partyEnv>;
