import { resolve } from 'path';

/** Root of the repository (bff/src/core/config or bff/dist/core/config → three levels up from bff). */
export const repoRoot = resolve(__dirname, '../../../..');
