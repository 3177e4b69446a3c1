import type { ModuleManifest } from '../../core/modules/manifest';
import { Open311Key } from './open311-key.entity';

/** Open311 GeoReport v2 and its api keys. */
export const open311Manifest: ModuleManifest = {
  name: 'open311',
  entities: [Open311Key],
  permissions: ['case:read', 'case:dispatch', 'case:manage'],
};
