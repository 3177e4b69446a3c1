import { Body, Controller, Del, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@midwayjs/swagger';
import type { ApiList, ApiSuccess, EstateVO } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { RequirePermission } from '../../../core/auth/require-permission.decorator';
import { clientInfo } from '../../../core/http/client-info';
import type { Acting } from '../../../core/audit';
import { CreateEstateDTO, EstateListQueryDTO, UpdateEstateDTO } from './places.dto';
import { EstateService } from './estate.service';

/** 小区 (estates) of the caller's subtree. */
@ApiTags('管理端 · 实有房屋')
@ApiBearerAuth()
@ForPrincipal('staff')
@Controller('/api/admin')
export class EstatesController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private estates!: EstateService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Get('/estates')
  @RequirePermission('person:read')
  @ApiOperation({ summary: '小区列表（可按区域、名称筛选）' })
  async list(@Query() query: EstateListQueryDTO): Promise<ApiList<EstateVO>> {
    const { items, total } = await this.estates.list(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Post('/estates')
  @HttpCode(201)
  @RequirePermission('person:manage')
  @ApiOperation({ summary: '新建小区' })
  async create(@Body() body: CreateEstateDTO): Promise<ApiSuccess<EstateVO>> {
    return { data: await this.estates.create(this.acting(), body) };
  }

  @Get('/estates/:id')
  @RequirePermission('person:read')
  @ApiOperation({ summary: '小区详情' })
  async get(@Param('id') id: string): Promise<ApiSuccess<EstateVO>> {
    return { data: await this.estates.get(principalOf(this.ctx), id) };
  }

  @Patch('/estates/:id')
  @RequirePermission('person:manage')
  @ApiOperation({ summary: '修改小区' })
  async update(@Param('id') id: string, @Body() body: UpdateEstateDTO): Promise<ApiSuccess<EstateVO>> {
    return { data: await this.estates.update(this.acting(), id, body) };
  }

  @Del('/estates/:id')
  @HttpCode(204)
  @RequirePermission('person:manage')
  @ApiOperation({ summary: '删除小区（仍有楼栋或房屋时拒绝：409 RECORD_IN_USE）' })
  async remove(@Param('id') id: string): Promise<void> {
    await this.estates.delete(this.acting(), id);
  }
}
