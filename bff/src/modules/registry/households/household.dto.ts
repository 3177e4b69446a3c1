import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { HeadRelation, HouseholdType, registryLimits } from '@zhili/shared';

const TYPES = Object.values(HouseholdType);
const RELATIONS = Object.values(HeadRelation);
const id = RuleType.string().trim().min(1).max(36);
const code = RuleType.string()
  .trim()
  .max(32)
  .pattern(/^[0-9A-Za-z-]+$/)
  .allow('', null)
  .messages({ 'string.pattern.base': '户编号只能包含字母、数字和连字符' });
const address = RuleType.string().trim().max(registryLimits.address.max).allow('', null);
const landNote = RuleType.string().trim().max(registryLimits.note.max).allow('', null);

export class HouseholdListQueryDTO {
  @ApiProperty({ required: false, example: 1 })
  @Rule(RuleType.number().integer().min(1).max(100000).default(1))
  page!: number;

  @ApiProperty({ required: false, example: 20 })
  @Rule(RuleType.number().integer().min(1).max(100).default(20))
  pageSize!: number;

  @ApiProperty({ required: false, description: '区域（含下级，须在本人管辖范围内）' })
  @Rule(id.allow('').optional())
  regionId?: string;

  @ApiProperty({ required: false, enum: TYPES })
  @Rule(RuleType.string().valid(...TYPES).allow('').optional())
  type?: HouseholdType | '';

  @ApiProperty({ required: false, description: '户主姓名前缀、地址包含或户编号' })
  @Rule(RuleType.string().trim().max(64).allow('').optional())
  q?: string;
}

export class CreateHouseholdDTO {
  @ApiProperty({ enum: TYPES, description: '常住户 / 流动户 / 空壳户' })
  @Rule(RuleType.string().valid(...TYPES).required())
  type!: HouseholdType;

  @ApiProperty({ description: '所在村（社区）或网格，须在本人管辖范围内' })
  @Rule(id.required())
  regionId!: string;

  @ApiProperty({ required: false, nullable: true, type: 'string', example: 'DC-0012', description: '户编号（全镇唯一）' })
  @Rule(code.optional())
  code?: string | null;

  @ApiProperty({ required: false, nullable: true, type: 'string', example: '东村 12 号' })
  @Rule(address.optional())
  address?: string | null;

  @ApiProperty({ required: false, nullable: true, type: 'string', description: '住房（须在管辖范围内）' })
  @Rule(id.allow('', null).optional())
  houseId?: string | null;

  @ApiProperty({ required: false, nullable: true, type: 'string', description: '户主（须在管辖范围内且不属于其他户）' })
  @Rule(id.allow('', null).optional())
  headPersonId?: string | null;

  @ApiProperty({ required: false, nullable: true, type: 'string', description: '承包地、种养殖情况' })
  @Rule(landNote.optional())
  landNote?: string | null;
}

export class UpdateHouseholdDTO {
  @ApiProperty({ required: false, enum: TYPES })
  @Rule(RuleType.string().valid(...TYPES).optional())
  type?: HouseholdType;

  @ApiProperty({ required: false })
  @Rule(id.optional())
  regionId?: string;

  @ApiProperty({ required: false, nullable: true, type: 'string' })
  @Rule(code.optional())
  code?: string | null;

  @ApiProperty({ required: false, nullable: true, type: 'string' })
  @Rule(address.optional())
  address?: string | null;

  @ApiProperty({ required: false, nullable: true, type: 'string' })
  @Rule(id.allow('', null).optional())
  houseId?: string | null;

  @ApiProperty({ required: false, nullable: true, type: 'string', description: '更换户主（原户主保留为成员，关系改为“其他”）；null 表示暂无户主' })
  @Rule(id.allow('', null).optional())
  headPersonId?: string | null;

  @ApiProperty({ required: false, nullable: true, type: 'string' })
  @Rule(landNote.optional())
  landNote?: string | null;
}

export class AddMemberDTO {
  @ApiProperty()
  @Rule(id.required())
  personId!: string;

  @ApiProperty({ enum: RELATIONS, description: 'self = 户主（本户尚无户主时）' })
  @Rule(RuleType.string().valid(...RELATIONS).required())
  relationToHead!: HeadRelation;
}
