import type { Permission, Role } from '@zhili/shared';
import { http } from './http';

export type StaffStatus = 'active' | 'disabled';

/**
 * A staff account as listed by `GET /api/admin/users` (the contract names the list but not the
 * item, so everything beyond the profile basics is optional here).
 */
export interface StaffUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  status: StaffStatus;
  regionId?: string | null;
  regionName?: string | null;
  grants?: Permission[] | null;
  /** Masked phone (`138****5678`); null when none. */
  phoneMasked?: string | null;
  mustChangePassword?: boolean;
  lastLoginAt?: string | null;
  createdAt?: string;
  updatedAt?: string;
}

/** A type alias (not an interface) so it fits the client's query record. */
export type UserQuery = {
  page: number;
  pageSize: number;
  q?: string;
  role?: Role | '';
  status?: StaffStatus | '';
};

export interface NewUser {
  username: string;
  displayName: string;
  roles: Role[];
  regionId: string;
  phone?: string;
}

export interface UserPatch {
  displayName?: string;
  roles?: Role[];
  regionId?: string;
  grants?: Permission[];
}

export const usersApi = {
  list: (query: UserQuery) =>
    http.list<StaffUser>('/api/admin/users', { query }),
  get: (id: string) => http.get<StaffUser>(`/api/admin/users/${encodeURIComponent(id)}`),
  /** The initial password is shown once. Form errors are rendered by the dialog. */
  create: (input: NewUser) =>
    http.post<{ user: StaffUser; initialPassword: string }>('/api/admin/users', input, { silent: true }),
  update: (id: string, patch: UserPatch) =>
    http.patch<StaffUser>(`/api/admin/users/${encodeURIComponent(id)}`, patch, { silent: true }),
  disable: (id: string) => http.post<unknown>(`/api/admin/users/${encodeURIComponent(id)}/disable`),
  enable: (id: string) => http.post<unknown>(`/api/admin/users/${encodeURIComponent(id)}/enable`),
  /** The temporary password is shown once; the user must change it at the next login. */
  resetPassword: (id: string) =>
    http.post<{ temporaryPassword: string }>(`/api/admin/users/${encodeURIComponent(id)}/reset-password`),
};
