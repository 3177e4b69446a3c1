import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { registryLimits } from '@zhili/shared';
import type { VisitDueFilter } from './visit-due.service';

/** Joi messages keyed both plainly and by the validator's locale, so the Chinese text always wins. */
const zh = (messages: Record<string, string>) => ({ ...messages, 'zh-cn': messages });

const id = RuleType.string().trim().min(1).max(36);
const page = RuleType.number().integer().min(1).max(100000).default(1);
const pageSize = RuleType.number().integer().min(1).max(100).default(20);
const DUE_FILTERS: VisitDueFilter[] = ['pending', 'all', 'overdue', 'due', 'upcoming', 'ok'];

/** `POST .../visits`. */
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

/** `GET /api/admin/visits`. */
export class VisitListQueryDTO {
  @ApiProperty({ required: false, example: 1 })
  @Rule(page)
  page!: number;

  @ApiProperty({ required: false, example: 20 })
  @Rule(pageSize)
  pageSize!: number;

  @ApiProperty({ required: false })
  @Rule(id.allow('').optional())
  personId?: string;

  @ApiProperty({ required: false, description: '区域（含下级，须在本人管辖范围内）' })
  @Rule(id.allow('').optional())
  regionId?: string;
}

/** `GET .../visits/due`. */
export class VisitDueQueryDTO {
  @ApiProperty({ required: false, example: 1 })
  @Rule(page)
  page!: number;

  @ApiProperty({ required: false, example: 20 })
  @Rule(pageSize)
  pageSize!: number;

  @ApiProperty({ required: false, description: '区域（含下级，须在本人管辖范围内）' })
  @Rule(id.allow('').optional())
  regionId?: string;

  @ApiProperty({ required: false, enum: DUE_FILTERS, description: '默认 pending：逾期、到期和即将到期' })
  @Rule(RuleType.string().valid(...DUE_FILTERS).allow('').optional())
  status?: VisitDueFilter | '';
}
