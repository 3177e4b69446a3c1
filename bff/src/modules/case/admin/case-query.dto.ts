import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { allCaseStatuses, CasePriority, casePriorityInvalidMessage, CaseSource } from '@zhili/shared';
import { chineseMessages as zh } from '../../../core/http/validation-messages';

const SOURCES = Object.values(CaseSource);
const PRIORITIES = Object.values(CasePriority);
export const CASE_SORTS = ['dueAt', '-createdAt', 'createdAt', '-updatedAt'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

/** `YYYY-MM-DD` (a whole day in Asia/Shanghai) or an ISO-8601 instant. */
export const dayOrInstant = () =>
  RuleType.string()
    .trim()
    .pattern(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/)
    .allow('')
    .optional()
    .messages(zh({ 'string.pattern.base': '日期格式应为 YYYY-MM-DD 或 ISO 8601 时间' }));

/** `status=a&status=b` arrives as an array, `status=a,b` as one string; both are split by the service. */
const listParam = () => RuleType.alternatives().try(RuleType.array().items(RuleType.string().max(200)).max(20), RuleType.string().max(400));

/**
 * Filters of the case inbox, shared by the list, the map and saved views (so a saved view replays
 * exactly what the list selected).
 */
export class CaseFilterQueryDTO {
  @ApiProperty({ required: false, type: 'array', items: { type: 'string', enum: [...allCaseStatuses] }, description: '状态，可重复或逗号分隔' })
  @Rule(listParam().optional())
  status?: string | string[];

  @ApiProperty({ required: false })
  @Rule(RuleType.string().trim().max(32).allow('').optional())
  categoryCode?: string;

  @ApiProperty({ required: false, description: '区域（含下级，须在本人管辖范围内）' })
  @Rule(RuleType.string().trim().max(36).allow('').optional())
  regionId?: string;

  @ApiProperty({ required: false, enum: SOURCES })
  @Rule(RuleType.string().valid(...SOURCES).allow('').optional().messages(zh({ 'any.only': '来源无效' })))
  source?: CaseSource | '';

  @ApiProperty({ required: false, enum: PRIORITIES })
  @Rule(RuleType.string().valid(...PRIORITIES).allow('').optional().messages(zh({ 'any.only': casePriorityInvalidMessage })))
  priority?: CasePriority | '';

  @ApiProperty({ required: false, description: '工单编号或描述关键字' })
  @Rule(RuleType.string().trim().max(64).allow('').optional())
  q?: string;

  @ApiProperty({ required: false, description: '处理人：me（本人）或处理人 id' })
  @Rule(RuleType.string().trim().max(36).allow('').optional())
  assignee?: string;

  @ApiProperty({ required: false, description: 'true = 未办结且已超过时限' })
  @Rule(RuleType.boolean().truthy('1').falsy('0', '').optional())
  overdue?: boolean;

  @ApiProperty({ required: false, description: '提交时间起（YYYY-MM-DD 或 ISO 8601）' })
  @Rule(dayOrInstant())
  from?: string;

  @ApiProperty({ required: false, description: '提交时间止（含当天）' })
  @Rule(dayOrInstant())
  to?: string;

  @ApiProperty({ required: false, enum: [...CASE_SORTS], description: '默认 -createdAt（最新在前）' })
  @Rule(RuleType.string().valid(...CASE_SORTS).allow('').optional().messages(zh({ 'any.only': '排序方式无效' })))
  sort?: CaseSort | '';
}

/** `GET /api/admin/cases`. */
export class CaseListQueryDTO extends CaseFilterQueryDTO {
  @ApiProperty({ required: false, example: 1 })
  @Rule(RuleType.number().integer().min(1).max(100000).default(1))
  page!: number;

  @ApiProperty({ required: false, example: 20 })
  @Rule(RuleType.number().integer().min(1).max(100).default(20))
  pageSize!: number;
}

/** `GET /api/admin/cases/stats`. */
export class CaseStatsQueryDTO {
  @ApiProperty({ required: false, description: '区域（含下级，须在本人管辖范围内）；默认本人管辖范围' })
  @Rule(RuleType.string().trim().max(36).allow('').optional())
  regionId?: string;

  @ApiProperty({ required: false, description: '起始日期，默认 30 天前' })
  @Rule(dayOrInstant())
  from?: string;

  @ApiProperty({ required: false, description: '截止日期（含当天），默认今天；跨度不超过 366 天' })
  @Rule(dayOrInstant())
  to?: string;
}
