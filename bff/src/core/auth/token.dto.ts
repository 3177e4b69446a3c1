import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { limits } from '@zhili/shared';

export class RefreshDTO {
  @ApiProperty({ description: '上次登录或刷新得到的 refreshToken（一次性，刷新后失效）' })
  @Rule(RuleType.string().min(limits.refreshToken.min).max(limits.refreshToken.max).required())
  refreshToken!: string;
}

export class TokenPairVO {
  @ApiProperty({ description: 'Access JWT (Authorization: Bearer …)' })
  accessToken!: string;

  @ApiProperty({ description: 'Opaque refresh token, rotated on every use' })
  refreshToken!: string;

  @ApiProperty({ description: 'Access token lifetime in seconds', example: 900 })
  expiresIn!: number;
}
