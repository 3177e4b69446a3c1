import { z } from '@zhili/shared';
import { resolve } from 'path';
import { repoRoot } from '../../core/config/repo-root';
import type { EnvOf } from '../../core/config/env-fields';

/** Environment of the file module. */
export const fileEnv = {
  /** Where uploaded photos are kept (local-disk file store). */
  UPLOAD_DIR: z.string().default(resolve(repoRoot, 'var/uploads')),
  /** Largest PDF accepted where documents are allowed (the party document cabinet); default 20 MB. */
  PDF_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024 * 1024)
    .max(100 * 1024 * 1024)
    .default(20 * 1024 * 1024),
  /**
   * Largest MP4 accepted where videos are allowed (party school lessons); default 200 MB. The upload
   * is held in memory while it is checked, so keep this within what the BFF's memory allows.
   */
  VIDEO_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024 * 1024)
    .max(1024 * 1024 * 1024)
    .default(200 * 1024 * 1024),
};
export type FileEnv = EnvOf<typeof fileEnv>;
