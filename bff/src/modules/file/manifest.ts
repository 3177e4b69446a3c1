import type { ModuleManifest } from '../../core/modules/manifest';
import { fileEnv } from './file.config';
import { StoredFile } from './stored-file.entity';

/** Uploaded files (photos) and their signed links. */
export const fileManifest = {
  name: 'file',
  config: fileEnv,
  entities: [StoredFile],
  permissions: ['person:read'],
} satisfies ModuleManifest;
