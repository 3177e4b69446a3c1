import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { HouseholdType } from '@zhili/shared';
import type { ImportKind } from '@zhili/shared';
import { PersonFilterQueryDTO } from '../persons/person.dto';

const KINDS: ImportKind[] = ['persons', 'households'];
const HOUSEHOLD_TYPES = Object.values(HouseholdType);
const id = RuleType.string().trim().min(1).max(36);

export class TemplateQueryDTO {
  @ApiProperty({ enum: KINDS, description: 'persons = 人员，households = 户' })
  @Rule(RuleType.string().valid(...KINDS).required().messages({ 'any.only': '类型应为 persons 或 households', 'any.required': '请指定模板类型' }))
  kind!: ImportKind;
}

/** The filters of `GET /api/admin/persons` (without paging): an export selects what the list shows. */
export class PersonExportQueryDTO extends PersonFilterQueryDTO {}

export class HouseholdExportQueryDTO {
  @ApiProperty({ required: false, description: '区域（含下级，须在本人管辖范围内）' })
  @Rule(id.allow('').optional())
  regionId?: string;

  @ApiProperty({ required: false, enum: HOUSEHOLD_TYPES })
  @Rule(RuleType.string().valid(...HOUSEHOLD_TYPES).allow('').optional())
  type?: HouseholdType | '';

  @ApiProperty({ required: false, description: '户编号（精确）、地址包含或户主姓名前缀' })
  @Rule(RuleType.string().trim().max(64).allow('').optional())
  q?: string;
}
