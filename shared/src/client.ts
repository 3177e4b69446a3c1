/**
 * @zhili/shared/client — what a front end needs to call the BFF, without zod at run time (issue #12:
 * the schemas and zod's classic API were ~560 KB of the mini-program's main package).
 *
 * - the plain domain code (labels, limits, roles, error codes…), as in `@zhili/shared`;
 * - `routes`: method, path and list flag of every route of the contract table, generated from it
 *   (`routes.mpCases.submit`), each typed by its spec so `ClientInput` / `ClientOutput` still apply;
 * - every type of the contract (`MpCaseDetailVO`, `ClientInput`…) — as types only: a schema or a
 *   route spec imported from here cannot be used as a value, so zod cannot slip back in.
 */
export * from './plain';
export { fillPath } from './contract/define';
export * as routes from './contract/route-index.generated';
export type * from './contract';
