import { userRoutes } from '@zhili/shared';
import type { Role, StaffStatus, StaffUserVO, UserCreateInput, UserUpdateInput } from '@zhili/shared';
import { api } from './contract-client';

export type { StaffStatus };
/** A staff account as an administrator sees it (the shared contract's schema). */
export type StaffUser = StaffUserVO;
export type NewUser = UserCreateInput;
export type UserPatch = UserUpdateInput;

/** The filters the page sends; blank values mean "all". */
export type UserQuery = {
  page: number;
  pageSize: number;
  q?: string;
  role?: Role | '';
  status?: StaffStatus | '';
};

export const usersApi = {
  list: (query: UserQuery) => api(userRoutes.list, { query }),
  get: (id: string) => api(userRoutes.get, { params: { id } }),
  /** The initial password is shown once. Form errors are rendered by the dialog. */
  create: (input: NewUser) => api(userRoutes.create, { body: input }, { silent: true }),
  update: (id: string, patch: UserPatch) => api(userRoutes.update, { params: { id }, body: patch }, { silent: true }),
  disable: (id: string) => api(userRoutes.disable, { params: { id } }),
  enable: (id: string) => api(userRoutes.enable, { params: { id } }),
  /** The temporary password is shown once; the user must change it at the next login. */
  resetPassword: (id: string) => api(userRoutes.resetPassword, { params: { id } }),
};
