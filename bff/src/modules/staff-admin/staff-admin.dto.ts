import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { allPermissions, allRoles, limits, Permission, Role, staffRoles } from '@zhili/shared';
import { chineseMessages } from '../../core/http/validation-messages';

const username = RuleType.string()
  .trim()
  .min(limits.username.min)
  .max(limits.username.max)
  .pattern(limits.username.pattern)
  .messages(chineseMessages({ 'string.pattern.base': '用户名只能包含字母、数字、点、下划线和连字符' }));
const displayName = RuleType.string().trim().min(1).max(32);
const roles = RuleType.array()
  .items(RuleType.string().valid(...staffRoles))
  .min(1)
  .max(staffRoles.length)
  .unique();
const grants = RuleType.array()
  .items(RuleType.string().valid(...allPermissions))
  .max(allPermissions.length)
  .unique();
const regionId = RuleType.string().trim().min(1).max(36);
// Format is checked by the service (normalizeMobile), which also accepts +86 and separators.
const phone = RuleType.string().trim().max(20);

export class UserListQueryDTO {
  @ApiProperty({ required: false, example: 1 })
  @Rule(RuleType.number().integer().min(1).max(100000).default(1))
  page!: number;

  @ApiProperty({ required: false, example: 20 })
  @Rule(RuleType.number().integer().min(1).max(100).default(20))
  pageSize!: number;

  @ApiProperty({ required: false, description: '按用户名或姓名模糊查询' })
  @Rule(RuleType.string().trim().max(32).allow('').optional())
  q?: string;

  @ApiProperty({ required: false, enum: allRoles })
  @Rule(RuleType.string().valid(...allRoles).allow('').optional())
  role?: Role | '';

  @ApiProperty({ required: false, enum: ['active', 'disabled'] })
  @Rule(RuleType.string().valid('active', 'disabled').allow('').optional())
  status?: 'active' | 'disabled' | '';
}

export class CreateUserDTO {
  @ApiProperty({ example: 'li.cun', description: '3–32 位字母、数字、点、下划线或连字符' })
  @Rule(username.required())
  username!: string;

  @ApiProperty({ example: '李村' })
  @Rule(displayName.required())
  displayName!: string;

  @ApiProperty({ type: 'array', items: { type: 'string', enum: [...staffRoles] } })
  @Rule(roles.required())
  roles!: Role[];

  @ApiProperty({ description: '绑定的区域（须在本人管辖范围内）' })
  @Rule(regionId.required())
  regionId!: string;

  @ApiProperty({ required: false, example: '13812345678', description: '手机号（加密存储，列表中脱敏显示）' })
  @Rule(phone.allow('', null).optional())
  phone?: string | null;
}

export class UpdateUserDTO {
  @ApiProperty({ required: false })
  @Rule(displayName.optional())
  displayName?: string;

  @ApiProperty({ required: false, type: 'array', items: { type: 'string', enum: [...staffRoles] }, description: '需要 role:assign' })
  @Rule(roles.optional())
  roles?: Role[];

  @ApiProperty({ required: false, description: '需要 role:assign' })
  @Rule(regionId.optional())
  regionId?: string;

  @ApiProperty({
    required: false,
    type: 'array',
    items: { type: 'string', enum: [...allPermissions] },
    description: '角色之外的额外权限；需要 role:assign；person:pii:read 只能由超级管理员授予他人',
  })
  @Rule(grants.optional())
  grants?: Permission[];

  @ApiProperty({ required: false, nullable: true, type: 'string', description: '手机号；null 或空串表示清除' })
  @Rule(phone.allow('', null).optional())
  phone?: string | null;
}

export class StaffPiiVO {
  @ApiProperty()
  id!: string;

  @ApiProperty({ nullable: true, type: 'string', description: '未脱敏的手机号（每次查看均记入审计日志）' })
  phone!: string | null;
}

export class StaffUserVO {
  @ApiProperty()
  id!: string;

  @ApiProperty({ example: 'li.cun' })
  username!: string;

  @ApiProperty({ example: '李村' })
  displayName!: string;

  @ApiProperty({ type: 'array', items: { type: 'string', enum: [...allRoles] } })
  roles!: Role[];

  @ApiProperty({ type: 'array', items: { type: 'string', enum: [...allPermissions] } })
  grants!: Permission[];

  @ApiProperty({ enum: ['active', 'disabled'] })
  status!: 'active' | 'disabled';

  @ApiProperty({ nullable: true, type: 'string' })
  regionId!: string | null;

  @ApiProperty({ nullable: true, type: 'string' })
  regionName!: string | null;

  @ApiProperty({ nullable: true, type: 'string', description: '已脱敏的手机号（尚未启用时为 null）' })
  phoneMasked!: string | null;

  @ApiProperty()
  mustChangePassword!: boolean;

  @ApiProperty({ description: '是否已绑定双因素认证' })
  mfaEnabled!: boolean;

  @ApiProperty({ description: '其角色是否要求双因素认证' })
  mfaRequired!: boolean;

  @ApiProperty({ nullable: true, type: 'string', format: 'date-time' })
  lastLoginAt!: string | null;

  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: 'string', format: 'date-time' })
  updatedAt!: string;
}

export class CreatedUserVO {
  @ApiProperty({ type: StaffUserVO })
  user!: StaffUserVO;

  @ApiProperty({ description: '初始密码，仅显示这一次；首次登录须修改' })
  initialPassword!: string;
}

export class TemporaryPasswordVO {
  @ApiProperty({ description: '临时密码，仅显示这一次；下次登录须修改' })
  temporaryPassword!: string;
}

export class RoleDefinitionVO {
  @ApiProperty({ enum: [...allRoles] })
  role!: Role;

  @ApiProperty({ example: '村管理员' })
  label!: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'object', properties: { permission: { type: 'string' }, label: { type: 'string' } } },
  })
  permissions!: { permission: Permission; label: string }[];

  @ApiProperty({ description: '该角色是否必须启用双因素认证' })
  mfaRequired!: boolean;
}
