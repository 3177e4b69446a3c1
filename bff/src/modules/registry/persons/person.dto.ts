import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { Gender, HeadRelation, HukouType, PermitStatus, PersonStatus, registryLimits } from '@zhili/shared';

const GENDERS = Object.values(Gender);
const HUKOU_TYPES = Object.values(HukouType);
const PERMIT_STATUSES = Object.values(PermitStatus);
const PERSON_STATUSES = Object.values(PersonStatus);
const RELATIONS = Object.values(HeadRelation);
const TAG_CODE = registryLimits.tagCode.pattern;

const id = RuleType.string().trim().min(1).max(36);
const name = RuleType.string().trim().min(registryLimits.personName.min).max(registryLimits.personName.max);
const text = (max: number) => RuleType.string().trim().max(max).allow('', null);
const day = RuleType.string()
  .trim()
  .pattern(/^\d{4}-\d{2}-\d{2}$/)
  .allow('', null)
  .messages({ 'string.pattern.base': '日期格式应为 YYYY-MM-DD' });
// Formats are checked by the service (GB 11643 check digit, mainland mobile) so the messages can be precise.
const idNumber = RuleType.string().trim().max(32).allow('', null);
const phone = RuleType.string().trim().max(20).allow('', null);
const tagCodes = RuleType.array()
  .items(RuleType.string().pattern(TAG_CODE).messages({ 'string.pattern.base': '标签代码格式不正确' }))
  .max(32)
  .unique();
/** `tag=a&tag=b` arrives as an array, `tag=a,b` as one string; the service splits both. */
const tagQuery = RuleType.alternatives().try(RuleType.array().items(RuleType.string().max(400)).max(32), RuleType.string().max(400));

/** The person list's filters and order: shared by the list (with paging) and the Excel export. */
export class PersonFilterQueryDTO {
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

export class PersonListQueryDTO extends PersonFilterQueryDTO {
  @ApiProperty({ required: false, example: 1 })
  @Rule(RuleType.number().integer().min(1).max(100000).default(1))
  page!: number;

  @ApiProperty({ required: false, example: 20 })
  @Rule(RuleType.number().integer().min(1).max(100).default(20))
  pageSize!: number;
}

/** Fields shared by create and update; `required()` is added by the create DTO where needed. */
class PersonFieldsDTO {
  @ApiProperty({ required: false, nullable: true, type: 'string', example: '1958-03-07', description: '有身份证号时由号码推出，填写则须一致' })
  @Rule(day.optional())
  birthDate?: string | null;

  @ApiProperty({ required: false, nullable: true, type: 'string', description: '18 位身份证号（GB 11643 校验），加密存储' })
  @Rule(idNumber.optional())
  idNumber?: string | null;

  @ApiProperty({ required: false, nullable: true, type: 'string', example: '13812345678', description: '手机号，加密存储' })
  @Rule(phone.optional())
  phone?: string | null;

  @ApiProperty({ required: false, nullable: true, type: 'string', description: '户籍地址' })
  @Rule(text(registryLimits.address.max).optional())
  hukouAddress?: string | null;

  @ApiProperty({ required: false, nullable: true, type: 'string', description: '现居住地址' })
  @Rule(text(registryLimits.address.max).optional())
  address?: string | null;

  @ApiProperty({ required: false, nullable: true, type: 'string', description: '流动人口：来源地' })
  @Rule(text(64).optional())
  origin?: string | null;

  @ApiProperty({ required: false, nullable: true, type: 'string', description: '流动人口：来本地日期' })
  @Rule(day.optional())
  arrivalDate?: string | null;

  @ApiProperty({ required: false, nullable: true, enum: PERMIT_STATUSES, description: '流动人口：居住证状态' })
  @Rule(RuleType.string().valid(...PERMIT_STATUSES).allow(null).optional())
  permitStatus?: PermitStatus | null;

  @ApiProperty({ required: false, nullable: true, type: 'string', description: '流动人口：居住证有效期至' })
  @Rule(day.optional())
  permitExpiry?: string | null;

  @ApiProperty({ required: false, nullable: true, type: 'string', description: '所属户（一人只能属于一户）' })
  @Rule(id.allow('', null).optional())
  householdId?: string | null;

  @ApiProperty({ required: false, nullable: true, enum: RELATIONS })
  @Rule(RuleType.string().valid(...RELATIONS).allow(null).optional())
  relationToHead?: HeadRelation | null;

  @ApiProperty({ required: false, enum: PERSON_STATUSES })
  @Rule(RuleType.string().valid(...PERSON_STATUSES).optional())
  status?: PersonStatus;

  @ApiProperty({ required: false, nullable: true, type: 'string' })
  @Rule(text(registryLimits.note.max).optional())
  note?: string | null;
}

export class CreatePersonDTO extends PersonFieldsDTO {
  @ApiProperty({ example: '张秀兰' })
  @Rule(name.required())
  name!: string;

  @ApiProperty({ required: false, enum: GENDERS, description: '有身份证号时可省略（由号码推出）' })
  @Rule(RuleType.string().valid(...GENDERS).optional())
  gender?: Gender;

  @ApiProperty({ enum: HUKOU_TYPES })
  @Rule(RuleType.string().valid(...HUKOU_TYPES).required())
  hukouType!: HukouType;

  @ApiProperty({ description: '所在村（社区）或网格，须在本人管辖范围内' })
  @Rule(id.required())
  regionId!: string;

  @ApiProperty({ required: false, type: 'array', items: { type: 'string' }, description: '标签代码（须为启用的标签）' })
  @Rule(tagCodes.optional())
  tags?: string[];
}

export class UpdatePersonDTO extends PersonFieldsDTO {
  @ApiProperty({ required: false })
  @Rule(name.optional())
  name?: string;

  @ApiProperty({ required: false, enum: GENDERS })
  @Rule(RuleType.string().valid(...GENDERS).optional())
  gender?: Gender;

  @ApiProperty({ required: false, enum: HUKOU_TYPES })
  @Rule(RuleType.string().valid(...HUKOU_TYPES).optional())
  hukouType?: HukouType;

  @ApiProperty({ required: false })
  @Rule(id.optional())
  regionId?: string;

  @ApiProperty({ required: false, type: 'array', items: { type: 'string' } })
  @Rule(tagCodes.optional())
  tags?: string[];
}

export class PersonTagsDTO {
  @ApiProperty({ type: 'array', items: { type: 'string' }, example: ['elderly_alone', 'low_income'] })
  @Rule(tagCodes.required())
  codes!: string[];
}
