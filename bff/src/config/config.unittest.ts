import type { MidwayConfig } from '@midwayjs/core';

/** Tests: quieter logs; everything else comes from the environment the test helper prepares. */
export default {
  // Tests provoke WeChat errors on purpose; their warnings would bury real failures.
  midwayLogger: { default: { level: 'error', transports: { console: { level: 'error', autoColors: false } } } },
} as MidwayConfig;
