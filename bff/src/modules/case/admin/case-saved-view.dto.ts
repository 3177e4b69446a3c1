import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { chineseMessages as zh } from '../../../core/http/validation-messages';

/** Most saved views per staff member. */
export const SAVED_VIEW_LIMIT = 20;
export const SAVED_VIEW_NAME_MAX = 32;

/** The list's query parameters a saved view may hold (paging is not part of a view). */
export const SAVED_VIEW_FILTER_KEYS = ['status', 'categoryCode', 'regionId', 'source', 'priority', 'q', 'assignee', 'overdue', 'from', 'to', 'sort'] as const;

const value = RuleType.alternatives().try(RuleType.string().max(200).allow(''), RuleType.array().items(RuleType.string().max(200)).max(20));

/** `POST /api/admin/case-views`. */
export class CreateSavedViewDTO {
  @ApiProperty({ example: '本村超时未办' })
  @Rule(
    RuleType.string()
      .trim()
      .min(1)
      .max(SAVED_VIEW_NAME_MAX)
      .required()
      .messages(zh({ 'any.required': '请填写视图名称', 'string.empty': '请填写视图名称', 'string.max': `视图名称不能超过 ${SAVED_VIEW_NAME_MAX} 字` })),
  )
  name!: string;

  @ApiProperty({ type: 'object', description: '列表的查询参数（扁平对象），如 { status: ["submitted"], overdue: "true" }' })
  @Rule(
    RuleType.object(Object.fromEntries(SAVED_VIEW_FILTER_KEYS.map((k) => [k, value])))
      .required()
      .messages(zh({ 'object.unknown': '不支持的筛选条件', 'object.base': '筛选条件应为对象', 'any.required': '请提供筛选条件' })),
  )
  filters!: Record<string, string | string[]>;
}
