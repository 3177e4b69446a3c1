import type { Permission, Role } from '@zhili/shared';
import { http } from './http';

export interface RoleDefinition {
  role: Role;
  label: string;
  permissions: { permission: Permission; label: string }[];
  mfaRequired: boolean;
}

export const rolesApi = {
  list: () => http.get<RoleDefinition[]>('/api/admin/roles', { silent: true }),
};
