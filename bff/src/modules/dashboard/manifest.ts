import type { ModuleManifest } from '../../core/modules/manifest';

/** The staff landing page (工作台). */
export const dashboardManifest: ModuleManifest = {
  name: 'dashboard',
  permissions: ['dashboard:read'],
};
