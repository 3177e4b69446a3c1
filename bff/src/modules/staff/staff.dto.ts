import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { limits, Role } from '@zhili/shared';
import { TokenPairVO } from '../../core/auth/token.dto';

export class StaffLoginDTO {
  @ApiProperty({ example: 'admin' })
  @Rule(RuleType.string().trim().min(1).max(limits.username.max).required())
  username!: string;

  @ApiProperty({ format: 'password' })
  @Rule(RuleType.string().min(1).max(limits.password.max).required())
  password!: string;
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

  @ApiProperty({ description: '首次登录或密码过期时为 true（#3 起强制修改密码）' })
  mustChangePassword!: boolean;
}

export class StaffLoginVO extends TokenPairVO {
  @ApiProperty({ type: StaffProfileVO })
  user!: StaffProfileVO;
}
