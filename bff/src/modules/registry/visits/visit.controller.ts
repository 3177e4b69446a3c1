import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@midwayjs/swagger';
import type { ApiList, ApiSuccess, VisitDueVO, VisitVO } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { RequirePermission } from '../../../core/auth/require-permission.decorator';
import { clientInfo } from '../../../core/http/client-info';
import { RegionService } from '../../region';
import { CreateVisitDTO, VisitDueQueryDTO, VisitListQueryDTO } from './visit.dto';
import { VisitDueService } from './visit-due.service';
import { VisitService } from './visit.service';

/**
 * Visits in the admin portal. Recording needs only `person:read` (grid staff who may see a person
 * may note that they visited them); the person must lie in the caller's scope (404 otherwise).
 */
@ApiTags('管理端 · 走访')
@ApiBearerAuth()
@ForPrincipal('staff')
@Controller('/api/admin')
export class VisitController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private visits!: VisitService;

  @Inject()
  private due!: VisitDueService;

  @Inject()
  private regions!: RegionService;

  private async regionPath(regionId: string | undefined): Promise<string | undefined> {
    return regionId ? (await this.regions.getInScope(principalOf(this.ctx), regionId)).path : undefined;
  }

  @Get('/visits')
  @RequirePermission('person:read')
  @ApiOperation({ summary: '走访记录（本人管辖范围内，按走访时间倒序）' })
  async list(@Query() q: VisitListQueryDTO): Promise<ApiList<VisitVO>> {
    const { items, total } = await this.visits.list(principalOf(this.ctx), {
      personId: q.personId || undefined,
      regionPath: await this.regionPath(q.regionId || undefined),
      page: q.page,
      pageSize: q.pageSize,
    });
    return { data: items, page: { page: q.page, pageSize: q.pageSize, total } };
  }

  @Get('/visits/due')
  @RequirePermission('person:read')
  @ApiOperation({ summary: '待走访（按应走访日期排序）' })
  async dueList(@Query() q: VisitDueQueryDTO): Promise<ApiList<VisitDueVO>> {
    const { items, total } = await this.due.page(
      principalOf(this.ctx),
      { regionPath: await this.regionPath(q.regionId || undefined), status: q.status || undefined },
      q.page,
      q.pageSize,
    );
    return { data: items, page: { page: q.page, pageSize: q.pageSize, total } };
  }

  @Post('/visits')
  @HttpCode(201)
  @RequirePermission('person:read')
  @ApiOperation({ summary: '登记走访（照片先通过 /api/admin/files 上传）' })
  async create(@Body() body: CreateVisitDTO): Promise<ApiSuccess<VisitVO>> {
    const acting = { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
    return { data: await this.visits.record(acting, body) };
  }
}
