import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { registryLimits } from '@zhili/shared';

/** Joi messages keyed both plainly and by the validator's locale, so the Chinese text always wins. */
const zh = (messages: Record<string, string>) => ({ ...messages, 'zh-cn': messages });

const id = RuleType.string().trim().min(1).max(36);

/**
 * `POST /api/mp/grid/visits` until the mini-program's routes move onto the contract; the admin's
 * route checks the same rules through `visitCreateSchema` of `@zhili/shared`.
 */
export class CreateVisitDTO {
  @ApiProperty({ description: '被走访人员 id' })
  @Rule(id.required().messages(zh({ 'any.required': '请选择走访对象', 'string.empty': '请选择走访对象' })))
  personId!: string;

  @ApiProperty({ required: false, format: 'date-time', description: '走访时间（ISO 8601），默认当前时间；不能晚于现在，最多补录 30 天' })
  @Rule(RuleType.string().isoDate().allow('', null).optional().messages(zh({ 'string.isoDate': '走访时间格式不正确' })))
  visitedAt?: string | null;

  @ApiProperty({ description: '走访情况', maxLength: registryLimits.visitNote.max })
  @Rule(
    RuleType.string()
      .trim()
      .min(registryLimits.visitNote.min)
      .max(registryLimits.visitNote.max)
      .required()
      .messages(zh({ 'any.required': '请填写走访情况', 'string.empty': '请填写走访情况', 'string.max': `走访情况不能超过 ${registryLimits.visitNote.max} 字` })),
  )
  note!: string;

  @ApiProperty({ required: false, type: 'array', items: { type: 'string' }, description: `先上传得到的图片 id，最多 ${registryLimits.visitPhotos.max} 张` })
  @Rule(
    RuleType.array()
      .items(id)
      .max(registryLimits.visitPhotos.max)
      .unique()
      .default([])
      .messages(zh({ 'array.max': `最多 ${registryLimits.visitPhotos.max} 张照片`, 'array.unique': '图片重复' })),
  )
  photoIds!: string[];
}
