import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { caseCategoryIcons } from '@zhili/shared';
import { chineseMessages as zh } from '../../../core/http/validation-messages';

/** Limits of a category (the code is also the Open311 `service_code`, so it stays URL- and XML-safe). */
export const caseCategoryLimits = {
  code: /^[a-z][a-z0-9_]{1,31}$/,
  name: { max: 32 },
  description: { max: 200 },
  department: { max: 64 },
  slaHours: { min: 1, max: 720 },
  acceptHours: { min: 1, max: 72 },
  sortOrder: { min: 0, max: 9999 },
} as const;

const L = caseCategoryLimits;
const ICONS = Object.keys(caseCategoryIcons);

const name = () => RuleType.string().trim().min(1).max(L.name.max).messages(zh({ 'string.max': `名称不能超过 ${L.name.max} 个字` }));
const icon = () =>
  RuleType.string()
    .valid(...ICONS)
    .messages(zh({ 'any.only': `图标须为以下之一：${ICONS.join('、')}` }));
const description = () => RuleType.string().trim().max(L.description.max).allow(null, '');
const department = () => RuleType.string().trim().max(L.department.max).allow(null, '').messages(zh({ 'string.max': `责任部门不能超过 ${L.department.max} 个字` }));
const hours = (range: { min: number; max: number }, label: string) =>
  RuleType.number()
    .integer()
    .min(range.min)
    .max(range.max)
    .messages(zh({ 'number.min': `${label}应为 ${range.min}–${range.max} 个工作小时`, 'number.max': `${label}应为 ${range.min}–${range.max} 个工作小时` }));
const sortOrder = () => RuleType.number().integer().min(L.sortOrder.min).max(L.sortOrder.max);
const isPublic = () => RuleType.boolean().messages(zh({ 'boolean.base': '是否公开须为 true 或 false' }));
const IS_PUBLIC_DOC = '是否在政务公开（Open311）公示：公开类只公示工作人员审核过的公开说明和位置；不公开类不公示任何文字，位置粗化到约 500 米；新建默认不公开';

export class CreateCaseCategoryDTO {
  @ApiProperty({ example: 'manhole', description: '小写字母开头，2–32 位小写字母、数字或下划线；创建后不可修改（也是 Open311 的 service_code）' })
  @Rule(
    RuleType.string()
      .trim()
      .pattern(L.code)
      .required()
      .messages(zh({ 'string.pattern.base': '类型代码须以小写字母开头，由 2–32 位小写字母、数字或下划线组成' })),
  )
  code!: string;

  @ApiProperty({ example: '井盖缺失' })
  @Rule(name().required())
  name!: string;

  @ApiProperty({ example: 'road', enum: ICONS })
  @Rule(icon().required())
  icon!: string;

  @ApiProperty({ required: false, nullable: true, example: '井盖缺失、破损或松动' })
  @Rule(description().optional())
  description?: string | null;

  @ApiProperty({ required: false, nullable: true, example: '城建办' })
  @Rule(department().optional())
  department?: string | null;

  @ApiProperty({ type: 'integer', example: 8, description: '办结时限（工作小时，普通优先级）' })
  @Rule(hours(L.slaHours, '办结时限').required())
  slaHours!: number;

  @ApiProperty({ type: 'integer', example: 2, description: '受理时限（工作小时）' })
  @Rule(hours(L.acceptHours, '受理时限').required())
  acceptHours!: number;

  @ApiProperty({ required: false, default: true })
  @Rule(RuleType.boolean().optional())
  active?: boolean;

  @ApiProperty({ required: false, type: 'integer', description: '排序（小的在前）；默认排在最后' })
  @Rule(sortOrder().optional())
  sortOrder?: number;

  @ApiProperty({ required: false, default: false, description: IS_PUBLIC_DOC })
  @Rule(isPublic().optional())
  isPublic?: boolean;
}

export class UpdateCaseCategoryDTO {
  @ApiProperty({ required: false })
  @Rule(name().optional())
  name?: string;

  @ApiProperty({ required: false, enum: ICONS })
  @Rule(icon().optional())
  icon?: string;

  @ApiProperty({ required: false, nullable: true })
  @Rule(description().optional())
  description?: string | null;

  @ApiProperty({ required: false, nullable: true })
  @Rule(department().optional())
  department?: string | null;

  @ApiProperty({ required: false, type: 'integer' })
  @Rule(hours(L.slaHours, '办结时限').optional())
  slaHours?: number;

  @ApiProperty({ required: false, type: 'integer' })
  @Rule(hours(L.acceptHours, '受理时限').optional())
  acceptHours?: number;

  @ApiProperty({ required: false, description: '停用后居民不能再选择该类型，已有工单不受影响' })
  @Rule(RuleType.boolean().optional())
  active?: boolean;

  @ApiProperty({ required: false, type: 'integer' })
  @Rule(sortOrder().optional())
  sortOrder?: number;

  @ApiProperty({ required: false, description: IS_PUBLIC_DOC })
  @Rule(isPublic().optional())
  isPublic?: boolean;
}
