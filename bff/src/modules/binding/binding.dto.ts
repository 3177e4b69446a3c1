import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { Role } from '@zhili/shared';
import { TokenPairVO } from '../../core/auth/token.dto';
import { MpProfileVO, MpRegionVO } from '../mp-user';
import { BindingRole, bindingRoles, BindingStatus } from './binding-code.entity';

const statuses: BindingStatus[] = ['pending', 'redeemed', 'expired'];

export class BindingIssueDTO {
  @ApiProperty({ enum: bindingRoles, description: '绑定后获得的身份：网格员或党员' })
  @Rule(RuleType.string().valid(...bindingRoles).required())
  role!: BindingRole;

  @ApiProperty({ description: '所属区域（须在签发人管辖范围内）' })
  @Rule(RuleType.string().min(1).max(36).required())
  regionId!: string;

  @ApiProperty({ required: false, description: '备注（如被绑定人姓名），最多 100 字' })
  @Rule(RuleType.string().trim().max(100).allow('').optional())
  note?: string;
}

export class BindingIssuedVO {
  @ApiProperty()
  id!: string;

  @ApiProperty({ example: 'K7M2Q9XA', description: '8 位绑定码，只显示这一次' })
  code!: string;

  @ApiProperty({ type: 'string', format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ description: '二维码 PNG（data URL），内容为 ZHILI-BIND:<code>' })
  qrDataUrl!: string;
}

export class BindingListQueryDTO {
  @ApiProperty({ required: false, example: 1 })
  @Rule(RuleType.number().integer().min(1).max(10000).default(1))
  page!: number;

  @ApiProperty({ required: false, example: 20 })
  @Rule(RuleType.number().integer().min(1).max(100).default(20))
  pageSize!: number;

  @ApiProperty({ required: false, enum: statuses })
  @Rule(RuleType.string().valid(...statuses).optional())
  status?: BindingStatus;
}

export class BindingVO {
  @ApiProperty()
  id!: string;

  @ApiProperty({ enum: bindingRoles })
  role!: BindingRole;

  @ApiProperty()
  regionId!: string;

  @ApiProperty({ nullable: true, type: 'string' })
  regionName!: string | null;

  @ApiProperty({ nullable: true, type: 'string' })
  note!: string | null;

  @ApiProperty({ enum: statuses })
  status!: BindingStatus;

  @ApiProperty({ type: 'string', format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ description: '签发人（工作人员 id）' })
  issuedBy!: string;

  @ApiProperty({ nullable: true, type: 'string', format: 'date-time' })
  redeemedAt!: string | null;

  @ApiProperty({ nullable: true, type: 'string', description: '使用者（小程序用户 id，可查 /api/admin/residents/:id）' })
  redeemedBy!: string | null;
}

export class BindingRedeemDTO {
  @ApiProperty({ example: 'K7M2Q9XA', description: '8 位绑定码（或扫码得到的 ZHILI-BIND:<code>）' })
  @Rule(RuleType.string().trim().min(1).max(64).required())
  code!: string;
}

export class BindingRedeemVO extends TokenPairVO {
  @ApiProperty({ type: MpProfileVO, description: '绑定后的资料（含新身份与所属区域）' })
  profile!: MpProfileVO;

  @ApiProperty({ enum: Object.values(Role), description: '本次获得的身份' })
  role!: Role;

  @ApiProperty({ nullable: true, type: MpRegionVO, description: '本次获得的身份所属区域（网格员为网格）' })
  region!: MpRegionVO | null;
}
