/**
 * The API contract: every route of the BFF, its input and output schemas and its permission
 * (issue #12). See docs/CONTRACTS.md "The contract table" and "how to add a module".
 */
export * from './zod';
export * from './define';
export * from './fields';
export * from './table';
export * from './registry/tags';
export * from './audit/audit';
export * from './users/users';
export * from './open311/open311-admin';
export * from './open311/georeport';
export * from './open311/georeport-documents';
export { isW3DateTime } from './open311/georeport-args';
export * from './case/case-config';
export * from './dashboard';
export * from './case/case-views';
export * from './case/case-admin';
export * from './case/case-saved-views';
export * from './case/case-mp';
export * from './region';
export * from './socket-events';
export * from './registry/businesses';
export * from './registry/visits';
export * from './registry/person-views';
export * from './registry/households';
export * from './registry/persons';
export * from './registry/transfer';
export * from './registry/places';
export * from './mp-user';
export * from './binding';
export * from './health';
export * from './file';
export * from './mp-grid';
export * from './callbacks';
export * from './auth';
export * from './party';
export * from './exam';
export * from './study';
export * from './survey';
export * from './dues';
export * from './route-ref';
