import type { EnvOf } from '../../core/config/env-fields';

/** Environment of the survey module (docs/CONTRACTS.md "Party school"). */
export const surveyEnv = {};
export type SurveyEnv = EnvOf<typeof surveyEnv>;
