import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { HouseRelation, HouseUse, registryLimits } from '@zhili/shared';
import { chineseMessages } from '../../../core/http/validation-messages';

const id = RuleType.string().trim().min(1).max(36);
const placeName = (max: number) => RuleType.string().trim().min(1).max(max);
const address = RuleType.string().trim().max(registryLimits.address.max).allow('', null);
const HOUSE_USES = Object.values(HouseUse);
const RELATIONS = Object.values(HouseRelation);
const day = RuleType.string()
  .pattern(/^\d{4}-\d{2}-\d{2}$/)
  .allow(null)
  .messages(chineseMessages({ 'string.pattern.base': '日期格式应为 YYYY-MM-DD' }));

/** Pagination of every list (page from 1, at most 100 a page). */
export class PageQueryDTO {
  @ApiProperty({ required: false, example: 1 })
  @Rule(RuleType.number().integer().min(1).max(100000).default(1))
  page!: number;

  @ApiProperty({ required: false, example: 20 })
  @Rule(RuleType.number().integer().min(1).max(100).default(20))
  pageSize!: number;
}

export class HouseListQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false, description: '区域（含下级）' })
  @Rule(id.allow('').optional())
  regionId?: string;

  @ApiProperty({ required: false })
  @Rule(id.allow('').optional())
  estateId?: string;

  @ApiProperty({ required: false })
  @Rule(id.allow('').optional())
  buildingId?: string;

  @ApiProperty({ required: false })
  @Rule(id.allow('').optional())
  unitId?: string;

  @ApiProperty({ required: false, enum: HOUSE_USES })
  @Rule(RuleType.string().valid(...HOUSE_USES).allow('').optional())
  use?: HouseUse | '';

  @ApiProperty({ required: false, description: '地址包含' })
  @Rule(RuleType.string().trim().max(registryLimits.address.max).allow('').optional())
  q?: string;

  @ApiProperty({ required: false, enum: ['address', 'createdAt'] })
  @Rule(RuleType.string().valid('address', 'createdAt').default('address'))
  sort!: 'address' | 'createdAt';

  @ApiProperty({ required: false, enum: ['asc', 'desc'] })
  @Rule(RuleType.string().valid('asc', 'desc').default('asc'))
  order!: 'asc' | 'desc';
}

export class CreateHouseDTO {
  @ApiProperty({ required: false, description: '农村房屋必填：所在村或网格；小区房屋可不填（随单元/楼栋/小区）' })
  @Rule(id.allow('').optional())
  regionId?: string;

  @ApiProperty({ required: false })
  @Rule(id.allow('').optional())
  estateId?: string;

  @ApiProperty({ required: false })
  @Rule(id.allow('').optional())
  buildingId?: string;

  @ApiProperty({ required: false })
  @Rule(id.allow('').optional())
  unitId?: string;

  @ApiProperty({ required: false, example: '302' })
  @Rule(RuleType.string().trim().max(16).allow('', null).optional())
  roomNo?: string | null;

  @ApiProperty({ required: false, description: '不填则由小区、楼栋、单元和房号组成' })
  @Rule(address.optional())
  address?: string | null;

  @ApiProperty({ enum: HOUSE_USES })
  @Rule(RuleType.string().valid(...HOUSE_USES).required())
  use!: HouseUse;

  @ApiProperty({ required: false, nullable: true, type: 'number', example: 89.5 })
  @Rule(RuleType.number().min(0).max(100000).allow(null).optional())
  areaM2?: number | null;
}

export class UpdateHouseDTO {
  @ApiProperty({ required: false, description: '仅农村房屋（不属于小区）可改所在区域' })
  @Rule(id.optional())
  regionId?: string;

  @ApiProperty({ required: false })
  @Rule(RuleType.string().trim().max(16).allow('', null).optional())
  roomNo?: string | null;

  @ApiProperty({ required: false })
  @Rule(address.optional())
  address?: string | null;

  @ApiProperty({ required: false, enum: HOUSE_USES })
  @Rule(RuleType.string().valid(...HOUSE_USES).optional())
  use?: HouseUse;

  @ApiProperty({ required: false, nullable: true, type: 'number' })
  @Rule(RuleType.number().min(0).max(100000).allow(null).optional())
  areaM2?: number | null;
}

export class AddResidentDTO {
  @ApiProperty()
  @Rule(id.required())
  personId!: string;

  @ApiProperty({ enum: RELATIONS, description: '产权人 / 租户 / 居住人' })
  @Rule(RuleType.string().valid(...RELATIONS).required())
  relation!: HouseRelation;

  @ApiProperty({ required: false, nullable: true, type: 'string', example: '2024-03-01' })
  @Rule(day.optional())
  since?: string | null;
}
