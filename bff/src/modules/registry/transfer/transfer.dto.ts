import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { Gender, HouseholdType, HukouType, PersonStatus } from '@zhili/shared';
import type { ImportKind } from '@zhili/shared';

const KINDS: ImportKind[] = ['persons', 'households'];
const GENDERS = Object.values(Gender);
const HUKOU_TYPES = Object.values(HukouType);
const PERSON_STATUSES = Object.values(PersonStatus);
const HOUSEHOLD_TYPES = Object.values(HouseholdType);
const id = RuleType.string().trim().min(1).max(36);
/** `tag=a&tag=b` arrives as an array, `tag=a,b` as one string: both are accepted. */
const tagQuery = RuleType.alternatives().try(RuleType.array().items(RuleType.string().max(400)).max(32), RuleType.string().max(400));

export class TemplateQueryDTO {
  @ApiProperty({ enum: KINDS, description: 'persons = 人员，households = 户' })
  @Rule(RuleType.string().valid(...KINDS).required().messages({ 'any.only': '类型应为 persons 或 households', 'any.required': '请指定模板类型' }))
  kind!: ImportKind;
}

/** The filters of `GET /api/admin/persons` (without paging): an export selects what the list shows. */
export class PersonExportQueryDTO {
  @ApiProperty({ required: false, description: '区域（含下级，须在本人管辖范围内）' })
  @Rule(id.allow('').optional())
  regionId?: string;

  @ApiProperty({ required: false, type: 'array', items: { type: 'string' }, description: '标签代码，可重复或逗号分隔；须同时具有' })
  @Rule(tagQuery.optional())
  tag?: string | string[];

  @ApiProperty({ required: false, description: '姓名前缀；完整身份证号或手机号时精确匹配' })
  @Rule(RuleType.string().trim().max(32).allow('').optional())
  q?: string;

  @ApiProperty({ required: false, enum: GENDERS })
  @Rule(RuleType.string().valid(...GENDERS).allow('').optional())
  gender?: Gender | '';

  @ApiProperty({ required: false, enum: HUKOU_TYPES })
  @Rule(RuleType.string().valid(...HUKOU_TYPES).allow('').optional())
  hukouType?: HukouType | '';

  @ApiProperty({ required: false, enum: [...PERSON_STATUSES, 'all'], description: '默认 active（在册）' })
  @Rule(RuleType.string().valid(...PERSON_STATUSES, 'all').allow('').optional())
  status?: PersonStatus | 'all' | '';

  @ApiProperty({ required: false })
  @Rule(id.allow('').optional())
  householdId?: string;

  @ApiProperty({ required: false, description: '最小年龄（周岁）' })
  @Rule(RuleType.number().integer().min(0).max(150).allow('').optional())
  ageMin?: number | '';

  @ApiProperty({ required: false, description: '最大年龄（周岁）' })
  @Rule(RuleType.number().integer().min(0).max(150).allow('').optional())
  ageMax?: number | '';

  @ApiProperty({ required: false, enum: ['name', 'birthDate', 'createdAt'] })
  @Rule(RuleType.string().valid('name', 'birthDate', 'createdAt').default('name'))
  sort!: 'name' | 'birthDate' | 'createdAt';

  @ApiProperty({ required: false, enum: ['asc', 'desc'] })
  @Rule(RuleType.string().valid('asc', 'desc').default('asc'))
  order!: 'asc' | 'desc';
}

export class HouseholdExportQueryDTO {
  @ApiProperty({ required: false, description: '区域（含下级，须在本人管辖范围内）' })
  @Rule(id.allow('').optional())
  regionId?: string;

  @ApiProperty({ required: false, enum: HOUSEHOLD_TYPES })
  @Rule(RuleType.string().valid(...HOUSEHOLD_TYPES).allow('').optional())
  type?: HouseholdType | '';

  @ApiProperty({ required: false, description: '户编号（精确）、地址包含或户主姓名前缀' })
  @Rule(RuleType.string().trim().max(64).allow('').optional())
  q?: string;
}
