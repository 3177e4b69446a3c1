import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { chineseMessages } from '../../core/http/validation-messages';
import { GEO_LIMITS } from '@zhili/shared';
import type { LngLat, RegionWorkerVO } from '@zhili/shared';
import type { RegionLevel } from './region.entity';

const LEVELS: RegionLevel[] = ['town', 'community', 'village', 'grid'];

const name = () => RuleType.string().trim().min(1).max(64);
const code = () => RuleType.string().trim().pattern(/^\d{12}$/).allow('', null).optional().messages(chineseMessages({ 'string.pattern.base': '区划代码应为 12 位数字' }));
/** Structure only: the geometry itself is checked by validateGeometry (GEOMETRY_INVALID with the first problem). */
const boundary = () => RuleType.object().unknown(true).allow(null).optional().messages(chineseMessages({ 'object.base': '边界应为 GeoJSON 几何对象' }));
const center = () =>
  RuleType.array()
    .ordered(
      RuleType.number().min(GEO_LIMITS.lng[0]).max(GEO_LIMITS.lng[1]).required().messages(chineseMessages({ 'number.min': '中心点经度超出范围', 'number.max': '中心点经度超出范围', 'number.base': '中心点经度应为数字' })),
      RuleType.number().min(GEO_LIMITS.lat[0]).max(GEO_LIMITS.lat[1]).required().messages(chineseMessages({ 'number.min': '中心点纬度超出范围', 'number.max': '中心点纬度超出范围', 'number.base': '中心点纬度应为数字' })),
    )
    .length(2)
    .allow(null)
    .optional()
    .messages(chineseMessages({ 'array.base': '中心点应为 [经度, 纬度]', 'array.length': '中心点应为 [经度, 纬度]' }));

const GEOMETRY_DOC = 'GeoJSON Polygon / MultiPolygon（GCJ-02，环须闭合）';

export class CreateRegionDTO {
  @ApiProperty({ example: '东村' })
  @Rule(name().required())
  name!: string;

  @ApiProperty({ enum: LEVELS, description: '镇下可建社区或村，社区和村下可建网格' })
  @Rule(RuleType.string().valid(...LEVELS).required())
  level!: RegionLevel;

  @ApiProperty({ description: '上级区域（须在本人管辖范围内）' })
  @Rule(RuleType.string().trim().min(1).max(36).required())
  parentId!: string;

  @ApiProperty({ required: false, example: '330102001001', description: '12 位统计用区划代码' })
  @Rule(code())
  code?: string | null;

  @ApiProperty({ required: false, type: 'object', description: GEOMETRY_DOC })
  @Rule(boundary())
  boundary?: unknown;

  @ApiProperty({ required: false, type: 'array', items: { type: 'number' }, description: '[经度, 纬度]；不填时取边界的标注点' })
  @Rule(center())
  center?: LngLat | null;
}

export class UpdateRegionDTO {
  @ApiProperty({ required: false })
  @Rule(name().optional())
  name?: string;

  @ApiProperty({ required: false, nullable: true, type: 'string' })
  @Rule(code())
  code?: string | null;

  @ApiProperty({ required: false, nullable: true, type: 'object', description: `${GEOMETRY_DOC}；null 清除边界` })
  @Rule(boundary())
  boundary?: unknown;

  @ApiProperty({ required: false, nullable: true, type: 'array', items: { type: 'number' }, description: '[经度, 纬度]；修改边界而不填时重新计算' })
  @Rule(center())
  center?: LngLat | null;
}

export class RegionRootQueryDTO {
  @ApiProperty({ required: false, description: '根区域；不填为本人所属区域' })
  @Rule(RuleType.string().trim().max(36).allow('').optional())
  rootId?: string;
}

export class ResolveQueryDTO {
  @ApiProperty({ example: 120.155 })
  @Rule(RuleType.number().min(-180).max(180).required().messages(chineseMessages({ 'any.required': '请提供经度', 'number.base': '经度应为数字' })))
  lng!: number;

  @ApiProperty({ example: 30.274 })
  @Rule(RuleType.number().min(-90).max(90).required().messages(chineseMessages({ 'any.required': '请提供纬度', 'number.base': '纬度应为数字' })))
  lat!: number;

  @ApiProperty({ required: false, example: 200, description: '容差（米），点不在任何网格内时取此距离内最近的网格' })
  @Rule(RuleType.number().min(0).max(5000).default(200).messages(chineseMessages({ 'number.max': '容差不能超过 5000 米' })))
  toleranceM!: number;
}

export class ImportBoundariesDTO {
  @ApiProperty({ type: 'object', description: 'GeoJSON FeatureCollection；按 properties.id、code、name(+parentId) 匹配区域' })
  @Rule(RuleType.object().unknown(true).required().messages(chineseMessages({ 'object.base': '应为 GeoJSON FeatureCollection', 'any.required': '请提供要导入的 GeoJSON' })))
  featureCollection!: Record<string, unknown>;

  @ApiProperty({ description: 'true 仅校验并报告，不写入' })
  @Rule(RuleType.boolean().required())
  dryRun!: boolean;
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

  @ApiProperty({ nullable: true, type: 'array', items: { type: 'number' }, description: '[经度, 纬度]（GCJ-02）' })
  center!: LngLat | null;

  @ApiProperty({ description: '是否已绘制边界' })
  hasBoundary!: boolean;
}

export class RegionDetailVO extends RegionVO {
  @ApiProperty({ nullable: true, type: 'object', description: GEOMETRY_DOC })
  boundary!: unknown;

  @ApiProperty({ type: 'array', items: { type: 'object' }, description: '负责人：村/社区管理员、网格长、网格员（手机号脱敏）' })
  workers!: RegionWorkerVO[];

  @ApiProperty({ description: '直接下级区域数' })
  childCount!: number;
}
