import type { ModuleManifest } from '../../core/modules/manifest';

/** Health check and the 系统状态 push. */
export const healthManifest: ModuleManifest = {
  name: 'health',
  permissions: ['system:status'],
};
