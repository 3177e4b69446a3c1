import { Body, Controller, Del, Get, HttpCode, Inject, Param, Patch, Post } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@midwayjs/swagger';
import type { ApiSuccess, RegionDetailVO as RegionDetail, RegionVO as RegionItem } from '@zhili/shared';
import { ForPrincipal } from '../../core/auth/public.decorator';
import { principalOf } from '../../core/auth/principal';
import { RequirePermission } from '../../core/auth/require-permission.decorator';
import { clientInfo } from '../../core/http/client-info';
import type { Acting } from '../audit/audit-actor.service';
import { CreateRegionDTO, RegionDetailVO, RegionVO, UpdateRegionDTO } from './region.dto';
import { RegionService } from './region.service';
import { RegionViewsService } from './region-views.service';
import { toRegionVO } from './region-view';

/** The region tree (镇 → 村/社区 → 网格) as far as the caller's scope reaches: list, create, edit, delete. */
@ApiTags('管理端 · 区域网格')
@ApiBearerAuth()
@ForPrincipal('staff')
@Controller('/api/admin')
export class RegionController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private regions!: RegionService;

  @Inject()
  private views!: RegionViewsService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Get('/regions')
  @RequirePermission('region:read')
  @ApiOperation({ summary: '本人管辖范围内的区域（平铺列表，上级在前）' })
  @ApiResponse({ status: 200, type: RegionVO, isArray: true })
  async list(): Promise<ApiSuccess<RegionItem[]>> {
    return { data: (await this.regions.listInScope(principalOf(this.ctx))).map(toRegionVO) };
  }

  @Post('/regions')
  @HttpCode(201)
  @RequirePermission('region:manage')
  @ApiOperation({ summary: '在本人管辖范围内新建下级区域（可同时提供边界与中心点）' })
  @ApiResponse({ status: 201, type: RegionVO })
  async create(@Body() body: CreateRegionDTO): Promise<ApiSuccess<RegionItem>> {
    const region = await this.regions.createInScope(this.acting(), {
      name: body.name,
      level: body.level,
      parentId: body.parentId,
      code: body.code || null,
      boundary: body.boundary,
      center: body.center,
    });
    return { data: toRegionVO(region) };
  }

  @Get('/regions/:id')
  @RequirePermission('region:read')
  @ApiOperation({ summary: '区域详情：边界、负责人（手机号脱敏）、下级数量' })
  @ApiResponse({ status: 200, type: RegionDetailVO })
  async get(@Param('id') id: string): Promise<ApiSuccess<RegionDetail>> {
    return { data: await this.views.detail(principalOf(this.ctx), id) };
  }

  @Patch('/regions/:id')
  @RequirePermission('region:manage')
  @ApiOperation({ summary: '修改名称、区划代码、边界或中心点（边界修改记入审计日志）' })
  @ApiResponse({ status: 200, type: RegionDetailVO })
  async update(@Param('id') id: string, @Body() body: UpdateRegionDTO): Promise<ApiSuccess<RegionDetail>> {
    const acting = this.acting();
    await this.regions.updateInScope(acting, id, body);
    return { data: await this.views.detail(acting.actor, id) };
  }

  @Del('/regions/:id')
  @HttpCode(204)
  @RequirePermission('region:manage')
  @ApiOperation({ summary: '删除区域：有下级区域、登记数据或绑定账号时拒绝（REGION_NOT_EMPTY）' })
  @ApiResponse({ status: 204 })
  async remove(@Param('id') id: string): Promise<void> {
    await this.regions.removeInScope(this.acting(), id);
  }
}
