import { Controller, Get, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@midwayjs/swagger';
import { Permission } from '@zhili/shared';
import type { ApiSuccess, DashboardVO } from '@zhili/shared';
import { ForPrincipal } from '../../core/auth/public.decorator';
import { principalOf } from '../../core/auth/principal';
import { RequirePermission } from '../../core/auth/require-permission.decorator';
import { DashboardDoc } from './dashboard.dto';
import { DashboardService } from './dashboard.service';

/** The staff landing page: one call for the work numbers of the caller's scope. */
@ApiTags('管理端 · 工作台')
@ApiBearerAuth()
@ForPrincipal('staff')
@Controller('/api/admin')
export class DashboardController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private dashboard!: DashboardService;

  @Get('/dashboard')
  @RequirePermission(Permission.DashboardRead)
  @ApiOperation({ summary: '工作台：本人管辖范围内的待受理、超时、今日到期工单，待走访人员，区域概况与近 30 天工单趋势' })
  @ApiResponse({ status: 200, type: DashboardDoc })
  async get(): Promise<ApiSuccess<DashboardVO>> {
    this.ctx.set('Cache-Control', 'no-store');
    return { data: await this.dashboard.dashboard(principalOf(this.ctx)) };
  }
}
