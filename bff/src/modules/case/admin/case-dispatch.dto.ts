import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { caseLimits, GEO_LIMITS } from '@zhili/shared';
import { chineseMessages as zh } from '../../../core/http/validation-messages';
import { caseId, caseRules } from '../core/case-rules';

/** `GET /api/admin/cases/:id/dispatch-candidates?q=`: an optional name filter. */
export class DispatchCandidatesQueryDTO {
  @ApiProperty({ required: false, description: '按姓名（昵称）查找' })
  @Rule(RuleType.string().trim().max(32).allow('').optional().messages(zh({ 'string.max': '姓名关键字不能超过 32 个字' })))
  q?: string;
}

/** `POST /api/admin/cases/:id/location` (更正位置): a new point and/or grid, and why. */
export class CaseRelocateDTO {
  @ApiProperty({ required: false, description: '新位置（GCJ-02）；只给位置时按位置重新确定网格', example: { lng: 120.1, lat: 30.2 } })
  @Rule(
    RuleType.object({
      lng: RuleType.number().min(GEO_LIMITS.lng[0]).max(GEO_LIMITS.lng[1]).required(),
      lat: RuleType.number().min(GEO_LIMITS.lat[0]).max(GEO_LIMITS.lat[1]).required(),
    })
      .optional()
      .messages(zh({ 'number.min': '位置超出范围', 'number.max': '位置超出范围', 'number.base': '经纬度应为数字', 'object.base': '位置应包含经度 lng 和纬度 lat' })),
  )
  location?: { lng: number; lat: number };

  @ApiProperty({ required: false, description: '新的所属网格（须在本人管辖范围内）' })
  @Rule(caseId.optional())
  regionId?: string;

  @ApiProperty({ required: false, description: '新地址（可选）' })
  @Rule(RuleType.string().trim().max(caseLimits.address.max).allow('').optional().messages(zh({ 'string.max': `地址不能超过 ${caseLimits.address.max} 字` })))
  address?: string;

  @ApiProperty({ description: `更正原因（${caseLimits.reason.min}-${caseLimits.reason.max} 字）` })
  @Rule(caseRules.reason().required().messages(zh({ 'any.required': '请填写更正原因', 'string.empty': '请填写更正原因' })))
  reason!: string;

  @ApiProperty({ required: false })
  @Rule(caseRules.version().optional())
  version?: number;
}
