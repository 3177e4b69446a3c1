import type { ModuleManifest } from '../../core/modules/manifest';
import { govEnv } from './gov.config';
import { GovSyncState } from './gov-sync-state.entity';
import { GovConnectors } from './gov-connectors';

/** Government connectors (12345 hotline, city platform). */
export const govManifest = {
  name: 'gov',
  config: govEnv,
  entities: [GovSyncState],
  // Registers the hotline pull and the outbox handlers for status, results and escalations.
  jobs: [GovConnectors],
} satisfies ModuleManifest;
