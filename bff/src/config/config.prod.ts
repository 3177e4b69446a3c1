import type { MidwayConfig } from '@midwayjs/core';

/** Production: same shape as the default; the swagger UI stays on (it documents, it does not expose data). */
export default {} as MidwayConfig;
