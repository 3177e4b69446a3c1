import { ApiProperty } from '@midwayjs/swagger';
import type { CaseStatus, DashboardCasesVO, DashboardRegistryVO, DashboardVisitsVO, DashboardVO, RegionLevelName, VisitDueVO } from '@zhili/shared';

/** OpenAPI shapes of the landing page (the wire types live in @zhili/shared/api/dashboard). */
export class DashboardRegionDoc {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '幸福村' })
  name!: string;

  @ApiProperty({ enum: ['town', 'village', 'community', 'grid'] })
  level!: RegionLevelName;
}

export class DashboardTrendDoc {
  @ApiProperty({ example: '2026-12-06', description: '北京时间日期' })
  date!: string;

  @ApiProperty({ description: '当天新提交的工单' })
  created!: number;

  @ApiProperty({ description: '当天办结的工单' })
  resolved!: number;
}

export class DashboardCasesDoc implements DashboardCasesVO {
  @ApiProperty({ description: '待受理' })
  pending!: number;

  @ApiProperty({ description: '已超时（未办结且超过期限；与工单受理“只看超时”一致）' })
  overdue!: number;

  @ApiProperty({ description: '今日到期（未超时、今天北京时间内到期）' })
  dueToday!: number;

  @ApiProperty({ description: '办理中的工单总数' })
  open!: number;

  @ApiProperty({ description: '指派给本人的办理中工单' })
  mine!: number;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: '办理中的工单按状态计数' })
  openByStatus!: Partial<Record<CaseStatus, number>>;

  @ApiProperty({ type: DashboardTrendDoc, isArray: true, description: '近 30 天每日提交与办结数' })
  trend!: DashboardTrendDoc[];
}

export class DashboardVisitsDoc implements DashboardVisitsVO {
  @ApiProperty({ description: '走访已逾期的人数' })
  overdue!: number;

  @ApiProperty({ description: '本周期应走访的人数' })
  due!: number;

  @ApiProperty({ description: '即将到期的人数' })
  upcoming!: number;

  @ApiProperty({ type: 'array', items: { type: 'object' }, description: '最紧急的几位待走访人员（VisitDueVO，电话已脱敏）' })
  next!: VisitDueVO[];
}

export class DashboardRegistryDoc implements DashboardRegistryVO {
  @ApiProperty()
  households!: number;

  @ApiProperty({ description: '在册人口' })
  persons!: number;

  @ApiProperty()
  grids!: number;

  @ApiProperty()
  businesses!: number;

  @ApiProperty()
  houses!: number;
}

export class DashboardDoc implements DashboardVO {
  @ApiProperty({ type: DashboardRegionDoc, nullable: true, description: '本人所属区域（数据范围）' })
  region!: DashboardRegionDoc | null;

  @ApiProperty({ format: 'date-time' })
  generatedAt!: string;

  @ApiProperty({ type: DashboardCasesDoc, nullable: true, description: '无“查看工单”权限时为 null' })
  cases!: DashboardCasesDoc | null;

  @ApiProperty({ type: DashboardVisitsDoc, nullable: true, description: '无“查看人口信息”权限时为 null' })
  visits!: DashboardVisitsDoc | null;

  @ApiProperty({ type: DashboardRegistryDoc, nullable: true, description: '无“查看人口信息”权限或未绑定区域时为 null' })
  registry!: DashboardRegistryDoc | null;
}
