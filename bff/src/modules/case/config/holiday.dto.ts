import { ApiProperty } from '@midwayjs/swagger';
import { getSchema, Rule, RuleType } from '@midwayjs/validate';
import { chineseMessages as zh } from '../../../core/http/validation-messages';

export const holidayLimits = { name: { max: 32 }, daysPerYear: 366, year: { min: 2000, max: 2100 } } as const;

const year = () =>
  RuleType.number()
    .integer()
    .min(holidayLimits.year.min)
    .max(holidayLimits.year.max)
    .messages(zh({ 'number.min': '年份超出范围', 'number.max': '年份超出范围', 'number.base': '年份应为四位数字' }));

export class HolidayDayDTO {
  @ApiProperty({ example: '2026-10-01', description: 'YYYY-MM-DD（北京时间），须在该年份内' })
  @Rule(
    RuleType.string()
      .pattern(/^\d{4}-\d{2}-\d{2}$/)
      .required()
      .messages(zh({ 'string.pattern.base': '日期格式应为 YYYY-MM-DD' })),
  )
  date!: string;

  @ApiProperty({ enum: ['holiday', 'workday'], description: 'holiday = 工作日放假；workday = 周末调休上班' })
  @Rule(
    RuleType.string()
      .valid('holiday', 'workday')
      .required()
      .messages(zh({ 'any.only': '类型应为 holiday（放假）或 workday（调休上班）' })),
  )
  kind!: 'holiday' | 'workday';

  @ApiProperty({ example: '国庆节' })
  @Rule(
    RuleType.string()
      .trim()
      .min(1)
      .max(holidayLimits.name.max)
      .required()
      .messages(zh({ 'string.max': `名称不能超过 ${holidayLimits.name.max} 个字` })),
  )
  name!: string;
}

export class ReplaceHolidaysDTO {
  @ApiProperty({ type: [HolidayDayDTO], description: '该年份的全部例外日期（整年替换）' })
  @Rule(
    RuleType.array()
      .items(getSchema(HolidayDayDTO))
      .max(holidayLimits.daysPerYear)
      .unique('date')
      .required()
      .messages(zh({ 'array.unique': '日期重复', 'array.max': `一年最多 ${holidayLimits.daysPerYear} 天` })),
  )
  days!: HolidayDayDTO[];
}

export class HolidayYearQueryDTO {
  @ApiProperty({ required: false, type: 'integer', description: '年份，默认今年（北京时间）' })
  @Rule(year().optional())
  year?: number;
}
