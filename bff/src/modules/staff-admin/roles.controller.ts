import { Controller, Get } from '@midwayjs/core';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@midwayjs/swagger';
import { allRoles, ApiSuccess, mfaRequiredRoles, permissionLabels, roleLabels, rolePermissions } from '@zhili/shared';
import { ForPrincipal } from '../../core/auth/public.decorator';
import { RequirePermission } from '../../core/auth/require-permission.decorator';
import { RoleDefinitionVO } from './staff-admin.dto';

/** The role → permission table of @zhili/shared, read-only (it changes with the code, not at run time). */
export const roleDefinitions: RoleDefinitionVO[] = allRoles.map((role) => ({
  role,
  label: roleLabels[role],
  permissions: rolePermissions[role].map((permission) => ({ permission, label: permissionLabels[permission] })),
  mfaRequired: mfaRequiredRoles.includes(role),
}));

@ApiTags('管理端 · 账号管理')
@ApiBearerAuth()
@ForPrincipal('staff')
@Controller('/api/admin')
export class RolesController {
  @Get('/roles')
  @RequirePermission('role:read')
  @ApiOperation({ summary: '角色与权限对照表（只读）' })
  @ApiResponse({ status: 200, type: RoleDefinitionVO, isArray: true })
  async list(): Promise<ApiSuccess<RoleDefinitionVO[]>> {
    return { data: roleDefinitions };
  }
}
