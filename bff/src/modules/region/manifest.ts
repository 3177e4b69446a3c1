import type { ModuleManifest } from '../../core/modules/manifest';
import { Region } from './region.entity';

/** The region tree (town → village/community → grid) that scopes all data. */
export const regionManifest: ModuleManifest = {
  name: 'region',
  entities: [Region],
  permissions: ['region:read', 'region:manage'],
};
