/**
 * @zhili/shared — pure TypeScript used by the BFF, the admin and the mini-program.
 * No framework imports here: everything must run in Node, Vite and Taro alike.
 */
export * from './api/errors';
export * from './api/envelope';
export * from './domain/roles';
export * from './domain/limits';
export * from './domain/id-number';
export * from './domain/phone';
export * from './domain/masking';
export * from './domain/permissions';
export * from './domain/password-policy';
export * from './domain/credit-code';
export * from './domain/registry';
export * from './api/registry';
// <exports: geo>
export * from './domain/geo';
// <exports: case>
export * from './domain/case';
export * from './domain/case-sla';
export * from './api/case-dispatch';
export * from './domain/work-calendar';
export * from './domain/audit-actions';
export * from './domain/natural-sort';
export * from './contract';
