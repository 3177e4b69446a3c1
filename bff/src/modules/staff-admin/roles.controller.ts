import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { allRoles, mfaRequiredRoles, permissionLabels, roleLabels, rolePermissions, roleRoutes } from '@zhili/shared';
import type { RoleDefinitionVO } from '@zhili/shared';
import { ForPrincipal } from '../../core/auth/public.decorator';
import { Api } from '../../core/http/contract';

/** The role → permission table of @zhili/shared, read-only (it changes with the code, not at run time). */
export const roleDefinitions: RoleDefinitionVO[] = allRoles.map((role) => ({
  role,
  label: roleLabels[role],
  permissions: rolePermissions[role].map((permission) => ({ permission, label: permissionLabels[permission] })),
  mfaRequired: mfaRequiredRoles.includes(role),
}));

@ForPrincipal('staff')
@Controller('/')
export class RolesController {
  @Inject()
  ctx!: Context;

  @Api(roleRoutes.list)
  async list() {
    return { data: roleDefinitions };
  }
}
