import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { caseLimits } from '@zhili/shared';
import { chineseMessages as zh } from '../../../core/http/validation-messages';

/** `PUT /api/admin/cases/:id/publication`: the staff-reviewed text Open311 publishes for a case. */
export class UpdateCasePublicationDTO {
  @ApiProperty({
    nullable: true,
    example: '村口道路有一处坑洼，已安排修补。',
    description: `公开说明（最多 ${caseLimits.description.max} 字）：政务公开平台显示的文字，由工作人员撰写或审核，不得含姓名、电话、门牌等个人信息；null 或空串 = 不公示文字`,
  })
  @Rule(
    RuleType.string()
      .trim()
      .max(caseLimits.description.max)
      .allow(null, '')
      .required()
      .messages(zh({ 'any.required': '请填写公开说明（不公示文字时传 null）', 'string.max': `公开说明不能超过 ${caseLimits.description.max} 字` })),
  )
  publicDescription!: string | null;
}
