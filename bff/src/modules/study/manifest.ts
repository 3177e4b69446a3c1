import type { ModuleManifest } from '../../core/modules/manifest';
import { studyEnv } from './study.config';

/**
 * The online party school (网上党校, #15): columns, courses and lessons, honest study progress from
 * heartbeats, the points ledger and ranking, and the teacher's progress analysis.
 */
export const studyManifest = {
  name: 'study',
  config: studyEnv,
  entities: [],
  migrations: [],
  permissions: ['study:manage', 'party:manage'],
  subscribers: [],
} satisfies ModuleManifest;
