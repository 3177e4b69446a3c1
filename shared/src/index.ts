/**
 * @zhili/shared — pure TypeScript used by the BFF, the admin and the mini-program.
 * No framework imports here: everything must run in Node, Vite and Taro alike.
 *
 * This entry carries the contract with its zod schemas (the BFF validates with them). A bundle that
 * only calls the BFF imports `@zhili/shared/client` instead: the same domain code, the contract's
 * types, and a schema-free route index (see client.ts).
 */
export * from './plain';
export * from './contract';
