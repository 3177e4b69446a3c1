import { ApiProperty } from '@midwayjs/swagger';
import { Role } from '@zhili/shared';
import { MpGrantVO } from './mp-user.dto';

/** A mini-program user as staff see it: phone masked. */
export class ResidentVO {
  @ApiProperty()
  id!: string;

  @ApiProperty({ example: '张三' })
  nickname!: string;

  @ApiProperty({ type: 'array', items: { type: 'string', enum: Object.values(Role) } })
  roles!: Role[];

  @ApiProperty({ nullable: true, type: 'string', description: '网格员的网格，否则其他身份的区域' })
  regionId!: string | null;

  @ApiProperty({ nullable: true, type: 'string', example: '幸福村' })
  regionName!: string | null;

  @ApiProperty({ type: MpGrantVO, isArray: true, description: '通过身份绑定码获得的身份，各带所属区域' })
  grants!: MpGrantVO[];

  @ApiProperty({ nullable: true, type: 'string', example: '138****5678', description: '脱敏手机号；未绑定为 null' })
  phoneMasked!: string | null;

  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ nullable: true, type: 'string', format: 'date-time' })
  lastLoginAt!: string | null;
}

/** Unmasked personal data of one resident; every read is audited. */
export class ResidentPiiVO {
  @ApiProperty()
  id!: string;

  @ApiProperty({ nullable: true, type: 'string', example: '13812345678', description: '完整手机号；未绑定为 null' })
  phone!: string | null;
}
