import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { bindingRoles, limits, Role, type BindingRole } from '@zhili/shared';
import { TokenPairVO } from '../../core/auth/token.dto';

export class MpLoginDTO {
  @ApiProperty({ description: 'wx.login() 得到的临时登录凭证（5 分钟内有效，仅可使用一次）' })
  @Rule(RuleType.string().min(limits.wechatCode.min).max(limits.wechatCode.max).required())
  code!: string;

  @ApiProperty({ description: '首次登录时使用的昵称（用户在昵称输入框中填写）', required: false })
  @Rule(RuleType.string().trim().min(limits.nickname.min).max(limits.nickname.max).optional())
  nickname?: string;
}

export class MpProfileUpdateDTO {
  @ApiProperty({ required: false, description: '昵称' })
  @Rule(RuleType.string().trim().min(limits.nickname.min).max(limits.nickname.max).optional())
  nickname?: string;

  @ApiProperty({ required: false, description: '头像地址（https）' })
  @Rule(RuleType.string().uri({ scheme: ['https'] }).max(512).allow(null).optional())
  avatarUrl?: string | null;
}

export class MpPhoneBindDTO {
  @ApiProperty({ description: '手机号快速验证组件（getPhoneNumber 按钮）回调中的 code，5 分钟内有效，仅可使用一次' })
  @Rule(RuleType.string().min(limits.wechatCode.min).max(limits.wechatCode.max).required())
  code!: string;
}

export class MpRegionVO {
  @ApiProperty()
  id!: string;

  @ApiProperty({ example: '幸福村' })
  name!: string;
}

/** A role granted by a binding code, with the region it was granted for. */
export class MpGrantVO {
  @ApiProperty({ enum: bindingRoles })
  role!: BindingRole;

  @ApiProperty({ nullable: true, type: MpRegionVO, description: '该身份所属区域（网格员为网格）；区域已删除为 null' })
  region!: MpRegionVO | null;

  @ApiProperty({ description: '是否据此查看人口信息：只有网格员的网格是数据范围，党员身份不开放任何人口信息' })
  registryScope!: boolean;
}

export class MpProfileVO {
  @ApiProperty()
  id!: string;

  @ApiProperty({ example: '张三' })
  nickname!: string;

  @ApiProperty({ nullable: true, type: 'string' })
  avatarUrl!: string | null;

  @ApiProperty({ type: 'array', items: { type: 'string', enum: Object.values(Role) } })
  roles!: Role[];

  @ApiProperty({ nullable: true, type: 'string', example: '138****5678', description: '已脱敏的手机号' })
  phoneMasked!: string | null;

  @ApiProperty({ nullable: true, type: MpRegionVO, description: '所属区域：网格员的网格，否则其他身份的区域；未绑定为 null' })
  region!: MpRegionVO | null;

  @ApiProperty({ type: MpGrantVO, isArray: true, description: '通过身份绑定码获得的身份，各带所属区域' })
  grants!: MpGrantVO[];

  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt!: string;
}

export class MpLoginVO extends TokenPairVO {
  @ApiProperty({ type: MpProfileVO })
  user!: MpProfileVO;
}
