import { Body, Controller, Del, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@midwayjs/swagger';
import type { ApiList, ApiSuccess, HouseDetailVO, HouseVO } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { RequirePermission } from '../../../core/auth/require-permission.decorator';
import { clientInfo } from '../../../core/http/client-info';
import type { Acting } from '../../../core/audit';
import { AddResidentDTO, CreateHouseDTO, HouseListQueryDTO, UpdateHouseDTO } from './places.dto';
import { HouseResidentsService } from './house-residents.service';
import { HouseService } from './house.service';

/** Empty strings of optional id fields mean "not given" (forms send them for cleared selects). */
const orUndefined = (value: string | undefined): string | undefined => value || undefined;

/** 房屋 with filters, and their residents (人房关系). */
@ApiTags('管理端 · 实有房屋')
@ApiBearerAuth()
@ForPrincipal('staff')
@Controller('/api/admin')
export class HousesController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private houses!: HouseService;

  @Inject()
  private residents!: HouseResidentsService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Get('/houses')
  @RequirePermission('person:read')
  @ApiOperation({ summary: '房屋列表（按区域、小区、楼栋、单元、用途、地址筛选，按地址或登记时间排序）' })
  async list(@Query() query: HouseListQueryDTO): Promise<ApiList<HouseVO>> {
    const { items, total } = await this.houses.list(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Post('/houses')
  @HttpCode(201)
  @RequirePermission('person:manage')
  @ApiOperation({ summary: '登记房屋（小区房屋随单元/楼栋所在区域；未填地址时由小区、楼栋、单元、房号组成）' })
  async create(@Body() body: CreateHouseDTO): Promise<ApiSuccess<HouseDetailVO>> {
    const house = await this.houses.create(this.acting(), {
      ...body,
      regionId: orUndefined(body.regionId),
      estateId: orUndefined(body.estateId),
      buildingId: orUndefined(body.buildingId),
      unitId: orUndefined(body.unitId),
    });
    return { data: await this.residents.detailOf(house) };
  }

  @Get('/houses/:id')
  @RequirePermission('person:read')
  @ApiOperation({ summary: '房屋详情与居住人员（证件号、手机号脱敏）' })
  async get(@Param('id') id: string): Promise<ApiSuccess<HouseDetailVO>> {
    return { data: await this.residents.detail(principalOf(this.ctx), id) };
  }

  @Patch('/houses/:id')
  @RequirePermission('person:manage')
  @ApiOperation({ summary: '修改房屋' })
  async update(@Param('id') id: string, @Body() body: UpdateHouseDTO): Promise<ApiSuccess<HouseDetailVO>> {
    return { data: await this.residents.detailOf(await this.houses.update(this.acting(), id, body)) };
  }

  @Del('/houses/:id')
  @HttpCode(204)
  @RequirePermission('person:manage')
  @ApiOperation({ summary: '删除房屋（仍有居住人员或住户时拒绝：409 RECORD_IN_USE）' })
  async remove(@Param('id') id: string): Promise<void> {
    await this.houses.delete(this.acting(), id);
  }

  @Post('/houses/:id/residents')
  @HttpCode(201)
  @RequirePermission('person:manage')
  @ApiOperation({ summary: '登记人房关系（产权人/租户/居住人；人员和房屋都须在管辖范围内）' })
  async addResident(@Param('id') id: string, @Body() body: AddResidentDTO): Promise<ApiSuccess<HouseDetailVO>> {
    return { data: await this.residents.add(this.acting(), id, body) };
  }

  @Del('/houses/:id/residents/:personId')
  @HttpCode(204)
  @RequirePermission('person:manage')
  @ApiOperation({ summary: '解除人房关系' })
  async removeResident(@Param('id') id: string, @Param('personId') personId: string): Promise<void> {
    await this.residents.remove(this.acting(), id, personId);
  }
}
