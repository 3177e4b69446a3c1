import type { ModuleManifest } from '../../core/modules/manifest';

/** The mini-program grid worker API. */
export const mpGridManifest: ModuleManifest = {
  name: 'mp-grid',
};
