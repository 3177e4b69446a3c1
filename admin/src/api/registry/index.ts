/** Typed API functions of the registry screens (#4), one module per feature. */
export * from './persons';
export * from './households';
export * from './places';
export * from './businesses';
export * from './tags';
export * from './visits';
export * from './transfer';
export type { PageQuery } from './query';
export * from './files';
