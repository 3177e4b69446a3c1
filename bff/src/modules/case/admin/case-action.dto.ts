import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { allCaseActions, caseLimits, CaseOutcome, CasePriority, casePriorityInvalidMessage } from '@zhili/shared';
import type { CaseAction, EscalationLevel } from '@zhili/shared';
import { chineseMessages as zh } from '../../../core/http/validation-messages';
import { caseId, caseRules, requiredFor } from '../core/case-rules';

const OUTCOMES = Object.values(CaseOutcome);
const PRIORITIES = Object.values(CasePriority);
const LEVELS: EscalationLevel[] = ['town', 'city'];

/** `POST /api/admin/cases/:id/actions` (CaseActionBody). */
export class CaseActionDTO {
  @ApiProperty({ enum: allCaseActions })
  @Rule(RuleType.string().valid(...allCaseActions).required().messages(zh({ 'any.only': '不支持的操作', 'any.required': '请选择操作' })))
  action!: CaseAction;

  @ApiProperty({ required: false, description: '附言（回复模板可编辑后发送）' })
  @Rule(caseRules.note().allow('', null).optional())
  note?: string;

  @ApiProperty({ required: false, description: '不予受理 / 退回 / 转办 / 上报 / 重启的原因' })
  @Rule(requiredFor(caseRules.reason().optional(), 'reason', '请填写原因'))
  reason?: string;

  @ApiProperty({ required: false, description: '派单对象（须在本人管辖范围内）', example: { kind: 'mp', id: '…' } })
  @Rule(
    requiredFor(
      RuleType.object({
        kind: RuleType.string().valid('mp', 'staff').required().messages(zh({ 'any.only': '处理人类型无效', 'any.required': '请选择处理人' })),
        id: caseId.required().messages(zh({ 'any.required': '请选择处理人', 'string.empty': '请选择处理人' })),
      }).optional(),
      'assignee',
      '请选择处理人',
    ),
  )
  assignee?: { kind: 'mp' | 'staff'; id: string };

  @ApiProperty({ required: false, description: '转办目标区域（须在本人管辖范围内）' })
  @Rule(requiredFor(caseId.optional(), 'targetRegion', '请选择转办区域'))
  targetRegionId?: string;

  @ApiProperty({ required: false, description: '转办的责任部门' })
  @Rule(RuleType.string().trim().max(64).allow('', null).optional())
  department?: string;

  @ApiProperty({ required: false, enum: LEVELS, description: '上报层级：镇 / 市级平台' })
  @Rule(requiredFor(RuleType.string().valid(...LEVELS).optional().messages(zh({ 'any.only': '上报层级无效' })), 'level', '请选择上报层级'))
  level?: EscalationLevel;

  @ApiProperty({ required: false, description: '办结的处理结果' })
  @Rule(requiredFor(caseRules.result().optional(), 'result', '请填写处理结果'))
  result?: string;

  @ApiProperty({ required: false, enum: OUTCOMES, description: '关闭时的结果：已解决 / 未解决 / 已撤回' })
  @Rule(requiredFor(RuleType.string().valid(...OUTCOMES).optional().messages(zh({ 'any.only': '关闭结果无效' })), 'outcome', '请选择关闭结果'))
  outcome?: CaseOutcome;

  @ApiProperty({ required: false, description: '合并到的工单 id' })
  @Rule(requiredFor(caseId.optional(), 'mergeInto', '请选择要合并到的工单'))
  mergeIntoId?: string;

  @ApiProperty({ required: false, type: 'array', items: { type: 'string' }, description: '办结后照片等（先上传）' })
  @Rule(caseRules.photoIds(caseLimits.afterPhotos.max).optional())
  photoIds?: string[];

  @ApiProperty({ required: false, enum: PRIORITIES })
  @Rule(RuleType.string().valid(...PRIORITIES).optional().messages(zh({ 'any.only': casePriorityInvalidMessage })))
  priority?: CasePriority;

  @ApiProperty({ required: false, description: '详情中的 version：已被他人修改时 409 CONFLICT' })
  @Rule(caseRules.version().optional())
  version?: number;
}

/** `POST /api/admin/cases/:id/notes` (also the grid worker's notes). */
export class CaseNoteDTO {
  @ApiProperty({ description: '进展说明' })
  @Rule(caseRules.note().min(1).required().messages(zh({ 'any.required': '请填写进展说明', 'string.empty': '请填写进展说明' })))
  note!: string;

  @ApiProperty({ required: false, type: 'array', items: { type: 'string' } })
  @Rule(caseRules.photoIds(caseLimits.photos.max).optional())
  photoIds?: string[];
}

/** `POST /api/admin/cases/batch-dispatch`. */
export class CaseBatchDispatchDTO {
  @ApiProperty({ type: 'array', items: { type: 'string' }, description: '最多 100 个工单' })
  @Rule(
    RuleType.array()
      .items(caseId)
      .min(1)
      .max(100)
      .unique()
      .required()
      .messages(zh({ 'array.min': '请选择工单', 'array.max': '一次最多派发 100 个工单', 'any.required': '请选择工单' })),
  )
  caseIds!: string[];

  @ApiProperty({ description: '派单对象（须在本人管辖范围内）' })
  @Rule(
    RuleType.object({
      kind: RuleType.string().valid('mp', 'staff').required(),
      id: caseId.required(),
    })
      .required()
      .messages(zh({ 'any.required': '请选择处理人' })),
  )
  assignee!: { kind: 'mp' | 'staff'; id: string };
}
