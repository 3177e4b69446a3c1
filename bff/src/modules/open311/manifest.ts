import type { ModuleManifest } from '../../core/modules/manifest';
import { open311Env } from './open311.config';
import { Open311Key } from './open311-key.entity';

/** Open311 GeoReport v2 and its api keys. */
export const open311Manifest = {
  name: 'open311',
  config: open311Env,
  entities: [Open311Key],
  permissions: ['case:read', 'case:dispatch', 'case:manage'],
} satisfies ModuleManifest;
