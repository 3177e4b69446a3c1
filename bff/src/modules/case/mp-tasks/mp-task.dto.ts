import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { caseLimits } from '@zhili/shared';
import { chineseMessages as zh } from '../../../core/http/validation-messages';
import { caseRules, requiredFor } from '../core/case-rules';

/** What a grid worker may do with a task (the rest is the dispatchers'). */
export const WORKER_ACTIONS = ['start', 'return', 'resolve'] as const;
export type WorkerAction = (typeof WORKER_ACTIONS)[number];

/** `GET /api/mp/grid/tasks`. */
export class MpTaskQueryDTO {
  @ApiProperty({ required: false, enum: ['todo', 'done'], description: 'todo = 待办（已派单、处理中，按时限排序）；done = 已办（本人办结或退回的）' })
  @Rule(RuleType.string().valid('todo', 'done').default('todo').messages(zh({ 'any.only': '状态应为 todo 或 done' })))
  status!: 'todo' | 'done';

  @ApiProperty({ required: false, example: 1 })
  @Rule(RuleType.number().integer().min(1).max(100000).default(1))
  page!: number;

  @ApiProperty({ required: false, example: 20 })
  @Rule(RuleType.number().integer().min(1).max(100).default(20))
  pageSize!: number;
}

/** `POST /api/mp/grid/tasks/:id/actions`. */
export class MpTaskActionDTO {
  @ApiProperty({ enum: [...WORKER_ACTIONS], description: 'start 接单、return 退回、resolve 办结' })
  @Rule(RuleType.string().valid(...WORKER_ACTIONS).required().messages(zh({ 'any.only': '不支持的操作', 'any.required': '请选择操作' })))
  action!: WorkerAction;

  @ApiProperty({ required: false, description: '退回原因' })
  @Rule(requiredFor(caseRules.reason().optional(), 'reason', '请填写退回原因'))
  reason?: string;

  @ApiProperty({ required: false, description: '办结的处理结果' })
  @Rule(requiredFor(caseRules.result().optional(), 'result', '请填写处理结果'))
  result?: string;

  @ApiProperty({ required: false, description: '附言' })
  @Rule(caseRules.note().allow('', null).optional())
  note?: string;

  @ApiProperty({ required: false, type: 'array', items: { type: 'string' }, description: '处理后照片（先通过 /api/mp/files 上传）' })
  @Rule(caseRules.photoIds(caseLimits.afterPhotos.max).optional())
  photoIds?: string[];

  @ApiProperty({ required: false, description: '详情中的 version：已被他人修改时 409 CONFLICT' })
  @Rule(caseRules.version().optional())
  version?: number;
}
