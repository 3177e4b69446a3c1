import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { limits } from '@zhili/shared';
import { TokenPairVO } from '../../core/auth/token.dto';

export class PasswordChangeDTO {
  @ApiProperty({ format: 'password' })
  @Rule(RuleType.string().min(1).max(limits.password.max).required())
  currentPassword!: string;

  // Only the length is bounded here: the policy (with its Chinese reasons) is checked by the service.
  @ApiProperty({ format: 'password', description: '至少 8 位，含大写、小写、数字、符号中的三类，不含用户名，不与最近 5 次相同' })
  @Rule(RuleType.string().min(1).max(limits.password.max).required())
  newPassword!: string;
}

/** `ok` plus a fresh token pair: every earlier session (this one included) was ended. */
export class PasswordChangeVO extends TokenPairVO {
  @ApiProperty({ example: true })
  ok!: true;
}

export class MfaCodeDTO {
  @ApiProperty({ description: '身份验证器上的 6 位动态验证码' })
  @Rule(RuleType.string().trim().pattern(/^\d{6}$/).required())
  code!: string;
}

export class MfaSetupVO {
  @ApiProperty({ description: 'Base32 密钥（无法扫码时手动输入）' })
  secret!: string;

  @ApiProperty({ example: 'otpauth://totp/...' })
  otpauthUrl!: string;

  @ApiProperty({ description: '二维码（data:image/png;base64,…）' })
  qrDataUrl!: string;
}

export class RecoveryCodesVO {
  @ApiProperty({ type: 'array', items: { type: 'string' }, description: '一次性恢复码，仅显示这一次' })
  recoveryCodes!: string[];
}

export class LogoutDTO {
  @ApiProperty()
  @Rule(RuleType.string().min(limits.refreshToken.min).max(limits.refreshToken.max).required())
  refreshToken!: string;
}

export class OkVO {
  @ApiProperty({ example: true })
  ok!: true;
}
