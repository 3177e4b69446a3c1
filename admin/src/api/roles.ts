import { roleRoutes } from '@zhili/shared';
import type { RoleDefinitionVO } from '@zhili/shared';
import { api } from './contract-client';

export type RoleDefinition = RoleDefinitionVO;

export const rolesApi = {
  list: () => api(roleRoutes.list, {}, { silent: true }),
};
