import type { ModuleManifest } from '../../core/modules/manifest';
import { surveyEnv } from './survey.config';

/** Surveys of members and residents (议事协商) and democratic appraisal of members (民主评议, #15). */
export const surveyManifest = {
  name: 'survey',
  config: surveyEnv,
  entities: [],
  migrations: [],
  permissions: ['survey:manage', 'party:manage'],
  subscribers: [],
} satisfies ModuleManifest;
