import type { MidwayConfig } from '@midwayjs/core';

/** Tests: quieter logs; everything else comes from the environment the test helper prepares. */
export default {
  midwayLogger: { default: { level: 'warn', consoleLevel: 'warn' } },
} as MidwayConfig;
