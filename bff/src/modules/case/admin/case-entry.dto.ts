import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { caseLimits, CasePriority, casePriorityInvalidMessage, GEO_LIMITS } from '@zhili/shared';
import { chineseMessages as zh } from '../../../core/http/validation-messages';
import { caseId, caseRules } from '../core/case-rules';

const PRIORITIES = Object.values(CasePriority);

/** `POST /api/admin/cases`: a report taken by phone (or at the counter) and entered by staff. */
export class CreateCaseDTO {
  @ApiProperty({ example: 'road' })
  @Rule(RuleType.string().trim().min(1).max(32).required().messages(zh({ 'any.required': '请选择问题类型', 'string.empty': '请选择问题类型' })))
  categoryCode!: string;

  @ApiProperty({ description: `问题描述（${caseLimits.description.min}-${caseLimits.description.max} 字）` })
  @Rule(caseRules.description('请填写问题描述'))
  description!: string;

  @ApiProperty({ required: false, description: '位置（GCJ-02）；不填时须选择所属区域', example: { lng: 120.1, lat: 30.2 } })
  @Rule(
    RuleType.object({
      lng: RuleType.number().min(GEO_LIMITS.lng[0]).max(GEO_LIMITS.lng[1]).required(),
      lat: RuleType.number().min(GEO_LIMITS.lat[0]).max(GEO_LIMITS.lat[1]).required(),
    })
      .allow(null)
      .optional()
      .messages(zh({ 'number.min': '位置超出范围', 'number.max': '位置超出范围', 'number.base': '经纬度应为数字', 'object.base': '位置应包含经度 lng 和纬度 lat' })),
  )
  location?: { lng: number; lat: number } | null;

  @ApiProperty({ required: false, description: '所属区域（没有位置时必填，须在本人管辖范围内）' })
  @Rule(caseId.allow('', null).optional())
  regionId?: string | null;

  @ApiProperty({ description: '地址' })
  @Rule(
    RuleType.string()
      .trim()
      .min(1)
      .max(caseLimits.address.max)
      .required()
      .messages(zh({ 'any.required': '请填写地址', 'string.empty': '请填写地址', 'string.max': `地址不能超过 ${caseLimits.address.max} 字` })),
  )
  address!: string;

  @ApiProperty({ required: false, enum: PRIORITIES, description: '默认 normal' })
  @Rule(RuleType.string().valid(...PRIORITIES).optional().messages(zh({ 'any.only': casePriorityInvalidMessage })))
  priority?: CasePriority;

  @ApiProperty({ required: false, description: '来电人姓名' })
  @Rule(RuleType.string().trim().max(32).allow('', null).optional().messages(zh({ 'string.max': '姓名不能超过 32 字' })))
  contactName?: string | null;

  @ApiProperty({ required: false, description: '来电号码（手机或座机），加密存储' })
  @Rule(
    RuleType.string()
      .trim()
      .pattern(/^\+?[0-9][0-9-]{4,19}$/)
      .allow('', null)
      .optional()
      .messages(zh({ 'string.pattern.base': '联系电话格式不正确' })),
  )
  contactPhone?: string | null;

  @ApiProperty({ required: false, type: 'array', items: { type: 'string' }, description: '照片（先上传）' })
  @Rule(caseRules.photoIds(caseLimits.photos.max).optional())
  photoIds?: string[];

  @ApiProperty({ required: false, description: '幂等键：重复提交同一个键只生成一个工单；不填则每次新建' })
  @Rule(
    RuleType.string()
      .trim()
      .min(caseLimits.idempotencyKey.min)
      .max(caseLimits.idempotencyKey.max)
      .optional()
      .messages(zh({ 'string.min': '幂等键长度不正确', 'string.max': '幂等键长度不正确' })),
  )
  idempotencyKey?: string;
}
