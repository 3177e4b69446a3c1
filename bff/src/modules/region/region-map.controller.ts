import { Body, Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@midwayjs/swagger';
import type { ApiSuccess, BoundaryImportReport, RegionFeatureCollection, RegionOverviewVO, RegionResolveVO } from '@zhili/shared';
import { ForPrincipal } from '../../core/auth/public.decorator';
import { principalOf } from '../../core/auth/principal';
import { RequirePermission } from '../../core/auth/require-permission.decorator';
import { clientInfo } from '../../core/http/client-info';
import { scopePrefix } from '../../core/scope/data-scope';
import { GeoIndexService } from './geo/geo-index.service';
import { ImportBoundariesDTO, RegionRootQueryDTO, ResolveQueryDTO } from './region.dto';
import { RegionImportService } from './region-import.service';
import { RegionViewsService } from './region-views.service';

/** Maps and numbers of the region tree: GeoJSON in and out, point → grid, village overview. */
@ApiTags('管理端 · 区域网格')
@ApiBearerAuth()
@ForPrincipal('staff')
@Controller('/api/admin')
export class RegionMapController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private views!: RegionViewsService;

  @Inject()
  private importer!: RegionImportService;

  @Inject()
  private geoIndex!: GeoIndexService;

  @Get('/regions/geojson')
  @RequirePermission('region:read')
  @ApiOperation({ summary: '有边界的区域（GeoJSON FeatureCollection，属性含统计数与负责人）' })
  @ApiResponse({ status: 200, description: 'RegionFeatureCollection' })
  async geojson(@Query() query: RegionRootQueryDTO): Promise<ApiSuccess<RegionFeatureCollection>> {
    return { data: await this.views.featureCollection(principalOf(this.ctx), query.rootId || undefined) };
  }

  @Get('/regions/export.geojson')
  // Boundaries are administrative geography, not personal data: whoever may see them on the map
  // may download them (still audited). `data:export` guards exports of people and households.
  @RequirePermission('region:read')
  @ApiOperation({ summary: '导出区域边界（GeoJSON 文件下载，记入审计日志）' })
  @ApiResponse({ status: 200, description: 'application/geo+json 文件' })
  async exportGeojson(@Query() query: RegionRootQueryDTO): Promise<string> {
    const collection = await this.views.exportCollection({ actor: principalOf(this.ctx), client: clientInfo(this.ctx) }, query.rootId || undefined);
    const day = new Date().toISOString().slice(0, 10);
    this.ctx.set('Content-Type', 'application/geo+json; charset=utf-8');
    this.ctx.set('Content-Disposition', `attachment; filename="regions-${day}.geojson"`);
    return JSON.stringify(collection);
  }

  @Post('/regions/import')
  @RequirePermission('region:manage')
  @ApiOperation({ summary: '导入区域边界（GeoJSON）：先试运行报告错误，正式导入全部成功才写入' })
  @ApiResponse({ status: 200, description: 'BoundaryImportReport（errors[].feature 从 1 起计）' })
  async import(@Body() body: ImportBoundariesDTO): Promise<ApiSuccess<BoundaryImportReport>> {
    const acting = { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
    return { data: await this.importer.import(acting, body.featureCollection, body.dryRun) };
  }

  @Get('/regions/resolve')
  @RequirePermission('region:read')
  @ApiOperation({ summary: '坐标所在网格（GCJ-02；不在任何网格内时取容差内最近的网格），限本人管辖范围' })
  @ApiResponse({ status: 200, description: 'RegionResolveVO' })
  async resolve(@Query() query: ResolveQueryDTO): Promise<ApiSuccess<RegionResolveVO>> {
    const within = scopePrefix(principalOf(this.ctx));
    if (!within) return { data: { regionId: null, name: null, path: null, exact: false, distanceM: 0 } };
    return { data: await this.geoIndex.resolve(query.lng, query.lat, query.toleranceM, within) };
  }

  @Get('/regions/:id/overview')
  @RequirePermission('region:read')
  @ApiOperation({ summary: '村/社区概况：人口、户（按类型）、房屋、经营单位、标签人群，以及各下级网格' })
  @ApiResponse({ status: 200, description: 'RegionOverviewVO' })
  async overview(@Param('id') id: string): Promise<ApiSuccess<RegionOverviewVO>> {
    return { data: await this.views.overview(principalOf(this.ctx), id) };
  }
}
