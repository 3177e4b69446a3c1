import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { HouseholdType } from '@zhili/shared';
import type { VisitDueFilter } from '../registry';

const HOUSEHOLD_TYPES = Object.values(HouseholdType);
const DUE_FILTERS: VisitDueFilter[] = ['pending', 'all', 'overdue', 'due', 'upcoming', 'ok'];
const page = RuleType.number().integer().min(1).max(100000).default(1);
const pageSize = RuleType.number().integer().min(1).max(100).default(20);

/** `GET /api/mp/grid/households`. */
export class MpHouseholdQueryDTO {
  @ApiProperty({ required: false, example: 1 })
  @Rule(page)
  page!: number;

  @ApiProperty({ required: false, example: 20 })
  @Rule(pageSize)
  pageSize!: number;

  @ApiProperty({ required: false, description: '户主姓名前缀或地址关键字' })
  @Rule(RuleType.string().trim().max(32).allow('').optional())
  q?: string;

  @ApiProperty({ required: false, enum: HOUSEHOLD_TYPES })
  @Rule(RuleType.string().valid(...HOUSEHOLD_TYPES).allow('').optional())
  type?: HouseholdType | '';
}

/** `GET /api/mp/grid/persons`. */
export class MpPersonQueryDTO {
  @ApiProperty({ required: false, example: 1 })
  @Rule(page)
  page!: number;

  @ApiProperty({ required: false, example: 20 })
  @Rule(pageSize)
  pageSize!: number;

  @ApiProperty({ required: false, description: '姓名前缀' })
  @Rule(RuleType.string().trim().max(32).allow('').optional())
  q?: string;

  @ApiProperty({ required: false, type: 'array', items: { type: 'string' }, description: '标签代码，可重复或逗号分隔' })
  @Rule(RuleType.alternatives().try(RuleType.array().items(RuleType.string().max(400)).max(32), RuleType.string().max(400)).optional())
  tag?: string | string[];
}

/** `GET /api/mp/grid/visits/due`. */
export class MpVisitDueQueryDTO {
  @ApiProperty({ required: false, example: 1 })
  @Rule(page)
  page!: number;

  @ApiProperty({ required: false, example: 20 })
  @Rule(pageSize)
  pageSize!: number;

  @ApiProperty({ required: false, enum: DUE_FILTERS, description: '默认 pending：逾期、到期和即将到期' })
  @Rule(RuleType.string().valid(...DUE_FILTERS).allow('').optional())
  status?: VisitDueFilter | '';
}

/** `tag=a&tag=b` or `tag=a,b` → codes. */
export function tagCodes(tag: string | string[] | undefined): string[] {
  return (Array.isArray(tag) ? tag : tag ? [tag] : [])
    .flatMap((t) => t.split(','))
    .map((t) => t.trim())
    .filter(Boolean);
}
