import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { allPermissions, limits, Permission, Role } from '@zhili/shared';
import { TokenPairVO } from '../../core/auth/token.dto';

export class StaffLoginDTO {
  @ApiProperty({ example: 'admin' })
  @Rule(RuleType.string().trim().min(1).max(limits.username.max).required())
  username!: string;

  @ApiProperty({ format: 'password' })
  @Rule(RuleType.string().min(1).max(limits.password.max).required())
  password!: string;

  @ApiProperty({ required: false, description: 'GET /api/admin/auth/captcha 返回的 captchaId（多次失败后必填）' })
  // Empty counts as absent: a form may send its empty captcha fields.
  @Rule(RuleType.string().guid().allow('').optional())
  captchaId?: string;

  @ApiProperty({ required: false, description: '图形验证码上的字符（不区分大小写）' })
  @Rule(RuleType.string().trim().max(16).allow('').optional())
  captchaText?: string;
}

export class StaffProfileVO {
  @ApiProperty()
  id!: string;

  @ApiProperty({ example: 'admin' })
  username!: string;

  @ApiProperty({ example: '系统管理员' })
  displayName!: string;

  @ApiProperty({ type: 'array', items: { type: 'string', enum: Object.values(Role) } })
  roles!: Role[];

  @ApiProperty({ description: '首次登录或管理员重置后为 true：须先修改密码' })
  mustChangePassword!: boolean;

  @ApiProperty({ description: '密码已超过有效期：须先修改密码' })
  passwordExpired!: boolean;

  @ApiProperty({ description: '已启用双因素认证（TOTP）' })
  mfaEnabled!: boolean;

  @ApiProperty({ description: '角色要求双因素认证（不可关闭）' })
  mfaRequired!: boolean;

  @ApiProperty({ nullable: true, type: 'string' })
  regionId!: string | null;

  @ApiProperty({ nullable: true, type: 'string' })
  regionName!: string | null;

  @ApiProperty({ type: 'array', items: { type: 'string', enum: [...allPermissions] } })
  permissions!: Permission[];
}

/** A complete login: tokens and profile. */
export class StaffSessionVO extends TokenPairVO {
  @ApiProperty({ type: StaffProfileVO })
  user!: StaffProfileVO;
}

/**
 * Either a session (`mfaRequired: false` + tokens + user) or the second factor is needed
 * (`mfaRequired: true` + mfaToken + mfaEnrolled). Swagger shows the union as optional fields.
 */
export class StaffLoginVO {
  @ApiProperty({ description: 'true：还需第二步验证（mfaToken）；false：已登录' })
  mfaRequired!: boolean;

  @ApiProperty({ required: false })
  accessToken?: string;

  @ApiProperty({ required: false })
  refreshToken?: string;

  @ApiProperty({ required: false, example: 900 })
  expiresIn?: number;

  @ApiProperty({ required: false, type: StaffProfileVO })
  user?: StaffProfileVO;

  @ApiProperty({ required: false, description: '5 分钟内有效，仅用于 /api/admin/auth/mfa 与 /api/admin/auth/mfa/setup' })
  mfaToken?: string;

  @ApiProperty({ required: false, description: 'false：须先绑定身份验证器（用 mfaToken 调用 mfa/setup）' })
  mfaEnrolled?: boolean;
}

export class CaptchaVO {
  @ApiProperty()
  captchaId!: string;

  @ApiProperty({ description: 'PNG 图片的 data URL（data:image/png;base64,…；一次性，5 分钟内有效）' })
  image!: string;
}

export class StaffMfaLoginDTO {
  @ApiProperty({ description: '登录第一步返回的 mfaToken' })
  @Rule(RuleType.string().min(16).max(2048).required())
  mfaToken!: string;

  @ApiProperty({ required: false, description: '身份验证器上的 6 位动态验证码' })
  @Rule(RuleType.string().trim().pattern(/^\d{6}$/).optional())
  code?: string;

  @ApiProperty({ required: false, description: '一次性恢复码（丢失验证器时使用）' })
  @Rule(RuleType.string().trim().min(8).max(32).optional())
  recoveryCode?: string;
}
