import type { EnvOf } from '../../core/config/env-fields';

/** Environment of the exam module (docs/CONTRACTS.md "Party school"). */
export const examEnv = {};
export type ExamEnv = EnvOf<typeof examEnv>;
