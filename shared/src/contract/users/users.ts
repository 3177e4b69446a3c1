import { limits } from '../../domain/limits';
import { Permission } from '../../domain/permissions';
import { Role, staffRoles } from '../../domain/roles';
import { noRepeats } from '../case/case-fields';
import { defineRoute } from '../define';
import { pageQuery, pathId, qText } from '../fields';
import { qEnum } from '../registry/common';
import { z } from '../zod';

const TAG = '管理端 · 账号管理';

const roleSchema = z.enum(Role);
const permissionSchema = z.enum(Permission);
/** Only staff roles can be given to an account (mini-program roles belong to mp users). */
const staffRoleSchema = z.enum(Object.fromEntries(staffRoles.map((r) => [r, r])) as { [K in Role]: K });
const statusSchema = z.enum(['active', 'disabled']);
export type StaffStatus = z.infer<typeof statusSchema>;

/** What an administrator sees of an account: never the password hash or any MFA secret. */
export const staffUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  /** Permissions granted beyond the roles. */
  grants: z.array(permissionSchema),
  status: statusSchema,
  regionId: z.string().nullable(),
  regionName: z.string().nullable(),
  /** Masked phone (`138****5678`); null when none. */
  phoneMasked: z.string().nullable(),
  mustChangePassword: z.boolean(),
  /** MFA is bound. */
  mfaEnabled: z.boolean(),
  /** Its roles require MFA. */
  mfaRequired: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StaffUserVO = z.infer<typeof staffUserSchema>;

export const createdUserSchema = z.object({
  user: staffUserSchema,
  /** Shown this once; must be changed at the first login. */
  initialPassword: z.string(),
});
export type CreatedUserVO = z.infer<typeof createdUserSchema>;

export const temporaryPasswordSchema = z.object({
  /** Shown this once; must be changed at the next login. */
  temporaryPassword: z.string(),
});
export type TemporaryPasswordVO = z.infer<typeof temporaryPasswordSchema>;

export const staffPiiSchema = z.object({
  id: z.string(),
  /** The unmasked phone (every view is audited). */
  phone: z.string().nullable(),
});
export type StaffPiiVO = z.infer<typeof staffPiiSchema>;

/** One row of the role → permission table. */
export const roleDefinitionSchema = z.object({
  role: roleSchema,
  label: z.string(),
  permissions: z.array(z.object({ permission: permissionSchema, label: z.string() })),
  /** The role must use MFA. */
  mfaRequired: z.boolean(),
});
export type RoleDefinitionVO = z.infer<typeof roleDefinitionSchema>;

const username = z
  .string()
  .trim()
  .min(limits.username.min)
  .max(limits.username.max)
  .regex(limits.username.pattern, { error: '用户名只能包含字母、数字、点、下划线和连字符' });
const displayName = z.string().trim().min(1).max(32);
const roles = z.array(staffRoleSchema).min(1).max(staffRoles.length).superRefine(noRepeats<Role>('角色重复'));
const grants = z
  .array(permissionSchema)
  .max(Object.keys(Permission).length)
  .superRefine(noRepeats<Permission>('权限重复'));
const regionId = z.string().trim().min(1).max(36);
// Format is checked by the service (normalizeMobile), which also accepts +86 and separators.
const phone = z.string().trim().max(20).nullable().optional();

export const userCreateSchema = z.strictObject({
  /** 3–32 letters, digits, dots, underscores or hyphens. */
  username,
  displayName,
  roles,
  /** The account's region (within the caller's scope). */
  regionId,
  /** Stored encrypted, listed masked. */
  phone,
});
export type UserCreateInput = z.output<typeof userCreateSchema>;

export const userUpdateSchema = z.strictObject({
  displayName: displayName.optional(),
  /** Needs role:assign. */
  roles: roles.optional(),
  /** Needs role:assign. */
  regionId: regionId.optional(),
  /** Extra permissions beyond the roles; needs role:assign; person:pii:read only by a super admin. */
  grants: grants.optional(),
  /** null or '' clears it. */
  phone,
});
export type UserUpdateInput = z.output<typeof userUpdateSchema>;

export const userListQuerySchema = z.object({
  ...pageQuery(20, 100),
  /** Username or name, fuzzy. */
  q: qText(32),
  role: qEnum(Object.values(Role) as [Role, ...Role[]]),
  status: qEnum(['active', 'disabled']),
});
export type UserListQuery = z.output<typeof userListQuerySchema>;

const byId = z.object({ id: pathId() });

export const roleRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/admin/roles',
    summary: '角色与权限对照表（只读）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.RoleRead,
    response: z.array(roleDefinitionSchema),
  }),
};

export const userRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/admin/users',
    summary: '账号列表（本人管辖范围内；可按用户名/姓名、角色、状态筛选）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.UserRead,
    query: userListQuerySchema,
    response: staffUserSchema,
    list: true,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/admin/users',
    summary: '创建账号：返回一次性显示的初始密码，首次登录须修改',
    tag: TAG,
    audience: 'staff',
    permission: Permission.UserManage,
    body: userCreateSchema,
    response: createdUserSchema,
    status: 201,
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/admin/users/:id',
    summary: '账号详情（手机号脱敏）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.UserRead,
    params: byId,
    response: staffUserSchema,
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/admin/users/:id',
    summary: '修改账号；修改角色、区域或授权还需要 role:assign，并会注销该账号的所有会话',
    tag: TAG,
    audience: 'staff',
    permission: Permission.UserManage,
    params: byId,
    body: userUpdateSchema,
    response: staffUserSchema,
  }),
  disable: defineRoute({
    method: 'POST',
    path: '/api/admin/users/:id/disable',
    summary: '停用账号（立即注销其所有会话）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.UserManage,
    params: byId,
    response: staffUserSchema,
  }),
  enable: defineRoute({
    method: 'POST',
    path: '/api/admin/users/:id/enable',
    summary: '启用账号',
    tag: TAG,
    audience: 'staff',
    permission: Permission.UserManage,
    params: byId,
    response: staffUserSchema,
  }),
  resetPassword: defineRoute({
    method: 'POST',
    path: '/api/admin/users/:id/reset-password',
    summary: '重置密码：返回一次性显示的临时密码，下次登录须修改',
    tag: TAG,
    audience: 'staff',
    permission: Permission.UserManage,
    params: byId,
    response: temporaryPasswordSchema,
  }),
  pii: defineRoute({
    method: 'GET',
    path: '/api/admin/users/:id/pii',
    summary: '查看未脱敏手机号（每次查看均记入审计日志）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PiiRead,
    params: byId,
    response: staffPiiSchema,
  }),
};
