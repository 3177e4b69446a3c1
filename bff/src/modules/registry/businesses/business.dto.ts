import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { BusinessStatus, BusinessType, checkCreditCode, normalizeMobile, registryLimits } from '@zhili/shared';
import { chineseMessages } from '../../../core/http/validation-messages';
import { PageQueryDTO } from '../places/places.dto';

const TYPES = Object.values(BusinessType);
const STATUSES = Object.values(BusinessStatus);
const id = RuleType.string().trim().min(1).max(36);
const name = RuleType.string().trim().min(registryLimits.businessName.min).max(registryLimits.businessName.max);
const address = RuleType.string().trim().max(registryLimits.address.max).allow('', null);
const legal = RuleType.string().trim().max(32).allow('', null);

/**
 * 统一社会信用代码 per shared's GB 32100 check, normalized to upper case. A wrong check character
 * alone is accepted (some early codes fail it, see credit-code.ts); a malformed code is refused.
 */
const creditCode = RuleType.string()
  .trim()
  .custom((value: string, helpers) => (checkCreditCode(value).valid ? value.toUpperCase() : helpers.error('any.invalid')))
  .messages(chineseMessages({ 'any.invalid': '统一社会信用代码格式不正确（18 位数字或大写字母）', 'string.empty': '请填写统一社会信用代码' }));

/** Mainland mobile, stored normalized (11 digits); '' or null clears it. */
const contactPhone = RuleType.string()
  .trim()
  .max(20)
  .allow('', null)
  .custom((value: string, helpers) => normalizeMobile(value) ?? helpers.error('any.invalid'))
  .messages(chineseMessages({ 'any.invalid': '联系电话应为 11 位手机号' }));

const location = RuleType.array()
  .ordered(RuleType.number().min(-180).max(180).required(), RuleType.number().min(-90).max(90).required())
  .length(2)
  .allow(null)
  .messages(chineseMessages({ 'array.length': '位置应为 [经度, 纬度]' }));

export class BusinessListQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false, description: '区域（含下级）' })
  @Rule(id.allow('').optional())
  regionId?: string;

  @ApiProperty({ required: false, enum: TYPES })
  @Rule(RuleType.string().valid(...TYPES).allow('').optional())
  type?: BusinessType | '';

  @ApiProperty({ required: false, enum: STATUSES })
  @Rule(RuleType.string().valid(...STATUSES).allow('').optional())
  status?: BusinessStatus | '';

  @ApiProperty({ required: false, description: '名称包含' })
  @Rule(RuleType.string().trim().max(64).allow('').optional())
  q?: string;
}

export class CreateBusinessDTO {
  @ApiProperty({ example: '青山镇好味餐馆' })
  @Rule(name.required())
  name!: string;

  @ApiProperty({ example: '91330102MA2H0000X1', description: '统一社会信用代码（18 位）' })
  @Rule(creditCode.required())
  creditCode!: string;

  @ApiProperty({ required: false, nullable: true, type: 'string', example: '王五' })
  @Rule(legal.optional())
  legalRepresentative?: string | null;

  @ApiProperty({ required: false, nullable: true, type: 'string', example: '13812345678', description: '加密存储，列表中脱敏显示' })
  @Rule(contactPhone.optional())
  contactPhone?: string | null;

  @ApiProperty({ required: false, nullable: true, type: 'string' })
  @Rule(address.optional())
  address?: string | null;

  @ApiProperty({ enum: TYPES })
  @Rule(RuleType.string().valid(...TYPES).required())
  type!: BusinessType;

  @ApiProperty({ required: false, enum: STATUSES, default: 'open' })
  @Rule(RuleType.string().valid(...STATUSES).default('open'))
  status!: BusinessStatus;

  @ApiProperty({ description: '所在社区/村或网格（须在本人管辖范围内）' })
  @Rule(id.required())
  regionId!: string;

  @ApiProperty({ required: false, nullable: true, type: 'array', items: { type: 'number' }, example: [120.1, 30.2], description: 'GCJ-02 [经度, 纬度]' })
  @Rule(location.optional())
  location?: [number, number] | null;
}

export class UpdateBusinessDTO {
  @ApiProperty({ required: false })
  @Rule(name.optional())
  name?: string;

  @ApiProperty({ required: false })
  @Rule(creditCode.optional())
  creditCode?: string;

  @ApiProperty({ required: false, nullable: true, type: 'string' })
  @Rule(legal.optional())
  legalRepresentative?: string | null;

  @ApiProperty({ required: false, nullable: true, type: 'string', description: 'null 或空串表示清除' })
  @Rule(contactPhone.optional())
  contactPhone?: string | null;

  @ApiProperty({ required: false, nullable: true, type: 'string' })
  @Rule(address.optional())
  address?: string | null;

  @ApiProperty({ required: false, enum: TYPES })
  @Rule(RuleType.string().valid(...TYPES).optional())
  type?: BusinessType;

  @ApiProperty({ required: false, enum: STATUSES })
  @Rule(RuleType.string().valid(...STATUSES).optional())
  status?: BusinessStatus;

  @ApiProperty({ required: false, description: '移到管辖范围内的另一社区/村或网格' })
  @Rule(id.optional())
  regionId?: string;

  @ApiProperty({ required: false, nullable: true, type: 'array', items: { type: 'number' } })
  @Rule(location.optional())
  location?: [number, number] | null;
}
