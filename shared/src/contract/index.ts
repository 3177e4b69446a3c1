/**
 * The API contract: every route of the BFF, its input and output schemas and its permission
 * (issue #12). See docs/CONTRACTS.md "The contract table" and "how to add a module".
 */
export * from './zod';
export * from './define';
export * from './fields';
export * from './table';
export * from './registry/tags';
