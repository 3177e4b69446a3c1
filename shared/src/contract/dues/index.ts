/** Party dues routes (issue #16): bills and bases, the member's screen, payments, refunds, reports. */
export * from './common';
export * from './bills';
export * from './mp';
export * from './pay';
export * from './refunds';
export * from './reports';
export * from './spending';
