import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import type { RegionLevel } from './region.entity';

const LEVELS: RegionLevel[] = ['town', 'community', 'village', 'grid'];

export class CreateRegionDTO {
  @ApiProperty({ example: '东村' })
  @Rule(RuleType.string().trim().min(1).max(64).required())
  name!: string;

  @ApiProperty({ enum: LEVELS, description: '镇下可建社区或村，社区和村下可建网格' })
  @Rule(RuleType.string().valid(...LEVELS).required())
  level!: RegionLevel;

  @ApiProperty({ description: '上级区域（须在本人管辖范围内）' })
  @Rule(RuleType.string().trim().min(1).max(36).required())
  parentId!: string;

  @ApiProperty({ required: false, example: '330102001001', description: '12 位统计用区划代码' })
  @Rule(RuleType.string().trim().pattern(/^\d{12}$/).allow('', null).optional().messages({ 'string.pattern.base': '区划代码应为 12 位数字' }))
  code?: string | null;
}

export class RegionVO {
  @ApiProperty()
  id!: string;

  @ApiProperty({ example: '东村' })
  name!: string;

  @ApiProperty({ enum: LEVELS })
  level!: RegionLevel;

  @ApiProperty({ nullable: true, type: 'string' })
  parentId!: string | null;

  @ApiProperty({ example: '/<镇id>/<村id>/', description: '物化路径：从根到本节点的 id' })
  path!: string;

  @ApiProperty({ nullable: true, type: 'string' })
  code!: string | null;
}
