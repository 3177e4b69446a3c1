import type { TownModel } from './model';
import type { Rng } from './prng';

/** What every generator step shares: the PRNG, the reference day, uniqueness sets and the output. */
export interface GenContext {
  rng: Rng;
  today: string;
  model: TownModel;
  usedIdNumbers: Set<string>;
  usedPhones: Set<string>;
  usedCreditCodes: Set<string>;
}
