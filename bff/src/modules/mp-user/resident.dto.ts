import { ApiProperty } from '@midwayjs/swagger';
import { Role } from '@zhili/shared';

/** A mini-program user as staff see it: phone masked. */
export class ResidentVO {
  @ApiProperty()
  id!: string;

  @ApiProperty({ example: '张三' })
  nickname!: string;

  @ApiProperty({ type: 'array', items: { type: 'string', enum: Object.values(Role) } })
  roles!: Role[];

  @ApiProperty({ type: 'string' })
  regionId!: string;

  @ApiProperty({ nullable: true, type: 'string', example: '幸福村' })
  regionName!: string | null;

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
