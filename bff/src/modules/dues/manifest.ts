import type { ModuleManifest } from '../../core/modules/manifest';
import { duesEnv } from './dues.config';

/**
 * Party dues (党费, #16): the WeChat Pay v3 merchant settings and client; bills, payments and
 * reconciliation join here as they land.
 */
export const duesManifest = {
  name: 'dues',
  config: duesEnv,
} satisfies ModuleManifest;
