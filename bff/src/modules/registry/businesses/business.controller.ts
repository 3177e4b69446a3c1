import { Body, Controller, Del, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@midwayjs/swagger';
import type { ApiList, ApiSuccess, BusinessVO } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { RequirePermission } from '../../../core/auth/require-permission.decorator';
import { clientInfo } from '../../../core/http/client-info';
import { PII_READ_LIMIT, RateLimit } from '../../../core/http/rate-limit';
import type { Acting } from '../../../core/audit';
import { BusinessListQueryDTO, CreateBusinessDTO, UpdateBusinessDTO } from './business.dto';
import { BusinessService } from './business.service';

/** 经营单位 of the caller's subtree; contact phones masked except through the audited `/pii`. */
@ApiTags('管理端 · 经营单位')
@ApiBearerAuth()
@ForPrincipal('staff')
@Controller('/api/admin')
export class BusinessController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private businesses!: BusinessService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Get('/businesses')
  @RequirePermission('person:read')
  @ApiOperation({ summary: '经营单位列表（按区域、类型、状态、名称筛选）' })
  async list(@Query() query: BusinessListQueryDTO): Promise<ApiList<BusinessVO>> {
    const { items, total } = await this.businesses.list(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Post('/businesses')
  @HttpCode(201)
  @RequirePermission('person:manage')
  @ApiOperation({ summary: '登记经营单位（统一社会信用代码唯一：409 BUSINESS_DUPLICATE）' })
  async create(@Body() body: CreateBusinessDTO): Promise<ApiSuccess<BusinessVO>> {
    return { data: await this.businesses.create(this.acting(), body) };
  }

  @Get('/businesses/:id')
  @RequirePermission('person:read')
  @ApiOperation({ summary: '经营单位详情（联系电话脱敏）' })
  async get(@Param('id') id: string): Promise<ApiSuccess<BusinessVO>> {
    return { data: await this.businesses.get(principalOf(this.ctx), id) };
  }

  @Patch('/businesses/:id')
  @RequirePermission('person:manage')
  @ApiOperation({ summary: '修改经营单位' })
  async update(@Param('id') id: string, @Body() body: UpdateBusinessDTO): Promise<ApiSuccess<BusinessVO>> {
    return { data: await this.businesses.update(this.acting(), id, body) };
  }

  @Del('/businesses/:id')
  @HttpCode(204)
  @RequirePermission('person:manage')
  @ApiOperation({ summary: '删除经营单位' })
  async remove(@Param('id') id: string): Promise<void> {
    await this.businesses.delete(this.acting(), id);
  }

  @Get('/businesses/:id/pii')
  @RequirePermission('person:pii:read')
  @RateLimit(PII_READ_LIMIT)
  @ApiOperation({ summary: '查看未脱敏联系电话（每次查看均记入审计日志）' })
  async pii(@Param('id') id: string): Promise<ApiSuccess<{ contactPhone: string | null }>> {
    return { data: await this.businesses.pii(this.acting(), id) };
  }
}
