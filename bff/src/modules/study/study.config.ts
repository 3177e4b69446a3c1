import type { EnvOf } from '../../core/config/env-fields';

/** Environment of the party school module (docs/CONTRACTS.md "Party school"). */
export const studyEnv = {};
export type StudyEnv = EnvOf<typeof studyEnv>;
