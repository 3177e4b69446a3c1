import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@midwayjs/swagger';
import type { ApiList, ApiSuccess, HouseholdDetailVO, HouseholdVO, MpGridOverviewVO, PersonDetailVO, PersonVO, VisitDueVO, VisitVO } from '@zhili/shared';
import { ForPrincipal } from '../../core/auth/public.decorator';
import { principalOf } from '../../core/auth/principal';
import { RequireRole } from '../../core/auth/require-permission.decorator';
import { clientInfo } from '../../core/http/client-info';
import { CreateVisitDTO, VisitDueService, VisitService } from '../registry';
import { GridWorker, GridWorkerResolver } from './grid-worker';
import { MpHouseholdQueryDTO, MpPersonQueryDTO, MpVisitDueQueryDTO, tagCodes } from './mp-grid.dto';
import { MpGridService } from './mp-grid.service';

/**
 * The grid worker's desk in the mini-program (grid subpackage). Only mini-program users holding the
 * grid_worker role (checked against the database on every request) get in; everything is limited
 * to their grid and masked.
 */
@ApiTags('小程序 · 网格员')
@ApiBearerAuth()
@ForPrincipal('mp')
@RequireRole('grid_worker')
@Controller('/api/mp/grid')
export class MpGridController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private workers!: GridWorkerResolver;

  @Inject()
  private grid!: MpGridService;

  @Inject()
  private due!: VisitDueService;

  @Inject()
  private visits!: VisitService;

  private worker(): Promise<GridWorker> {
    return this.workers.resolve(principalOf(this.ctx));
  }

  @Get('/overview')
  @ApiOperation({ summary: '我的网格：户数（按类型）、人口、房屋、经营单位、待走访' })
  async overview(): Promise<ApiSuccess<MpGridOverviewVO>> {
    return { data: await this.grid.overview(await this.worker()) };
  }

  @Get('/households')
  @ApiOperation({ summary: '网格内的户（户主姓名前缀或地址关键字搜索）' })
  async households(@Query() q: MpHouseholdQueryDTO): Promise<ApiList<HouseholdVO>> {
    const { principal } = await this.worker();
    const { items, total } = await this.grid.households(principal, { q: q.q || undefined, type: q.type || undefined, page: q.page, pageSize: q.pageSize });
    return { data: items, page: { page: q.page, pageSize: q.pageSize, total } };
  }

  @Get('/households/:id')
  @ApiOperation({ summary: '户卡片（成员信息已脱敏）' })
  async household(@Param('id') id: string): Promise<ApiSuccess<HouseholdDetailVO>> {
    return { data: await this.grid.household((await this.worker()).principal, id) };
  }

  @Get('/persons')
  @ApiOperation({ summary: '网格内的人员（姓名前缀、标签筛选，已脱敏）' })
  async persons(@Query() q: MpPersonQueryDTO): Promise<ApiList<PersonVO>> {
    const { principal } = await this.worker();
    const { items, total } = await this.grid.persons(principal, { q: q.q || undefined, tags: tagCodes(q.tag), page: q.page, pageSize: q.pageSize });
    return { data: items, page: { page: q.page, pageSize: q.pageSize, total } };
  }

  @Get('/persons/:id')
  @ApiOperation({ summary: '人员详情（已脱敏），含走访记录与走访提醒' })
  async person(@Param('id') id: string): Promise<ApiSuccess<PersonDetailVO>> {
    return { data: await this.grid.person((await this.worker()).principal, id) };
  }

  @Get('/visits/due')
  @ApiOperation({ summary: '待走访（按应走访日期排序）' })
  async visitsDue(@Query() q: MpVisitDueQueryDTO): Promise<ApiList<VisitDueVO>> {
    const { items, total } = await this.due.page((await this.worker()).principal, { status: q.status || undefined }, q.page, q.pageSize);
    return { data: items, page: { page: q.page, pageSize: q.pageSize, total } };
  }

  @Post('/visits')
  @HttpCode(201)
  @ApiOperation({ summary: '登记走访（照片先通过 /api/mp/files 上传）' })
  async record(@Body() body: CreateVisitDTO): Promise<ApiSuccess<VisitVO>> {
    const { principal } = await this.worker();
    return { data: await this.visits.record({ actor: principal, client: clientInfo(this.ctx) }, body) };
  }
}
