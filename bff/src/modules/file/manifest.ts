import type { ModuleManifest } from '../../core/modules/manifest';
import { StoredFile } from './stored-file.entity';

/** Uploaded files (photos) and their signed links. */
export const fileManifest: ModuleManifest = {
  name: 'file',
  entities: [StoredFile],
  permissions: ['person:read'],
};
