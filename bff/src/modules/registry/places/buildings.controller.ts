import { Body, Controller, Del, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@midwayjs/swagger';
import type { ApiList, ApiSuccess, BuildingUnitVO, BuildingVO } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { RequirePermission } from '../../../core/auth/require-permission.decorator';
import { clientInfo } from '../../../core/http/client-info';
import type { Acting } from '../../../core/audit';
import { BuildingListQueryDTO, CreateBuildingDTO, CreateUnitDTO, UpdateBuildingDTO } from './places.dto';
import { BuildingService } from './building.service';

/** 楼栋 and their 单元. */
@ApiTags('管理端 · 实有房屋')
@ApiBearerAuth()
@ForPrincipal('staff')
@Controller('/api/admin')
export class BuildingsController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private buildings!: BuildingService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Get('/buildings')
  @RequirePermission('person:read')
  @ApiOperation({ summary: '楼栋列表（可按小区筛选）' })
  async list(@Query() query: BuildingListQueryDTO): Promise<ApiList<BuildingVO>> {
    const { items, total } = await this.buildings.list(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Post('/buildings')
  @HttpCode(201)
  @RequirePermission('person:manage')
  @ApiOperation({ summary: '新建楼栋（默认与小区同一区域，可指定小区所在区域内的网格）' })
  async create(@Body() body: CreateBuildingDTO): Promise<ApiSuccess<BuildingVO>> {
    return { data: await this.buildings.create(this.acting(), { ...body, regionId: body.regionId || undefined }) };
  }

  @Get('/buildings/:id')
  @RequirePermission('person:read')
  @ApiOperation({ summary: '楼栋详情' })
  async get(@Param('id') id: string): Promise<ApiSuccess<BuildingVO>> {
    return { data: await this.buildings.get(principalOf(this.ctx), id) };
  }

  @Patch('/buildings/:id')
  @RequirePermission('person:manage')
  @ApiOperation({ summary: '修改楼栋' })
  async update(@Param('id') id: string, @Body() body: UpdateBuildingDTO): Promise<ApiSuccess<BuildingVO>> {
    return { data: await this.buildings.update(this.acting(), id, body) };
  }

  @Del('/buildings/:id')
  @HttpCode(204)
  @RequirePermission('person:manage')
  @ApiOperation({ summary: '删除楼栋（仍有房屋时拒绝：409 RECORD_IN_USE）' })
  async remove(@Param('id') id: string): Promise<void> {
    await this.buildings.delete(this.acting(), id);
  }

  @Get('/buildings/:id/units')
  @RequirePermission('person:read')
  @ApiOperation({ summary: '楼栋的单元' })
  async units(@Param('id') id: string): Promise<ApiSuccess<BuildingUnitVO[]>> {
    return { data: await this.buildings.listUnits(principalOf(this.ctx), id) };
  }

  @Post('/buildings/:id/units')
  @HttpCode(201)
  @RequirePermission('person:manage')
  @ApiOperation({ summary: '新建单元' })
  async createUnit(@Param('id') id: string, @Body() body: CreateUnitDTO): Promise<ApiSuccess<BuildingUnitVO>> {
    return { data: await this.buildings.createUnit(this.acting(), id, body.name) };
  }

  @Del('/units/:id')
  @HttpCode(204)
  @RequirePermission('person:manage')
  @ApiOperation({ summary: '删除单元（仍有房屋时拒绝：409 RECORD_IN_USE）' })
  async removeUnit(@Param('id') id: string): Promise<void> {
    await this.buildings.deleteUnit(this.acting(), id);
  }
}
