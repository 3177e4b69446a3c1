import { bindingAdminRoutes } from '@zhili/shared';
import type { BindingIssueInput, BindingIssuedVO, BindingStatus, BindingVO } from '@zhili/shared';
import { api } from './contract-client';

export type { BindingRole, BindingStatus } from '@zhili/shared';
/** The answer of an issue: the 8-character code is shown this once. */
export type IssuedBinding = BindingIssuedVO;
/** A binding code as listed (the code itself is shown only once, at issue time). */
export type Binding = BindingVO;
export type NewBinding = BindingIssueInput;

export const bindingsApi = {
  issue: (input: NewBinding) => api(bindingAdminRoutes.issue, { body: input }, { silent: true }),
  list: (page: number, pageSize: number, status: BindingStatus | '' = '') =>
    api(bindingAdminRoutes.list, { query: { page, pageSize, status: status || undefined } }),
};
