import { z } from '@zhili/shared';
import { resolve } from 'path';
import { repoRoot } from '../../core/config/repo-root';
import type { EnvOf } from '../../core/config/env-fields';

/** Environment of the file module. */
export const fileEnv = {
  /** Where uploaded photos are kept (local-disk file store). */
  UPLOAD_DIR: z.string().default(resolve(repoRoot, 'var/uploads')),
};
export type FileEnv = EnvOf<typeof fileEnv>;
