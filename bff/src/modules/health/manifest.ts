import type { ModuleManifest } from '../../core/modules/manifest';
import { healthEnv } from './health.config';

/** Health check and the 系统状态 push. */
export const healthManifest = {
  name: 'health',
  config: healthEnv,
  permissions: ['system:status'],
} satisfies ModuleManifest;
