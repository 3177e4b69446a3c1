import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { registryLimits } from '@zhili/shared';

const { tagCode, tagName, visitIntervalDays } = registryLimits;
const name = RuleType.string().trim().min(tagName.min).max(tagName.max);
const interval = RuleType.number().integer().min(visitIntervalDays.min).max(visitIntervalDays.max).allow(null);
const color = RuleType.string()
  .trim()
  .pattern(/^#[0-9a-fA-F]{6}$/)
  .messages({ 'string.pattern.base': '颜色应为 #RRGGBB 格式' });

export class CreateTagDTO {
  @ApiProperty({ example: 'pregnant', description: '小写字母开头，2–32 位小写字母、数字或下划线；创建后不可修改' })
  @Rule(
    RuleType.string()
      .trim()
      .pattern(tagCode.pattern)
      .required()
      .messages({ 'string.pattern.base': '标签代码须以小写字母开头，由 2–32 位小写字母、数字或下划线组成' }),
  )
  code!: string;

  @ApiProperty({ example: '孕产妇' })
  @Rule(name.required())
  name!: string;

  @ApiProperty({ nullable: true, type: 'integer', example: 30, description: '走访周期（天）；null 表示无需走访' })
  @Rule(interval.required())
  visitIntervalDays!: number | null;

  @ApiProperty({ example: '#c2255c' })
  @Rule(color.required())
  color!: string;

  @ApiProperty({ required: false, default: true })
  @Rule(RuleType.boolean().optional())
  active?: boolean;
}

export class UpdateTagDTO {
  @ApiProperty({ required: false })
  @Rule(name.optional())
  name?: string;

  @ApiProperty({ required: false, nullable: true, type: 'integer' })
  @Rule(interval.optional())
  visitIntervalDays?: number | null;

  @ApiProperty({ required: false })
  @Rule(color.optional())
  color?: string;

  @ApiProperty({ required: false, description: '停用后不能再给人员打该标签，已有的保留' })
  @Rule(RuleType.boolean().optional())
  active?: boolean;
}
