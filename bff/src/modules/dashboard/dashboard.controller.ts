import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { dashboardRoutes } from '@zhili/shared';
import { ForPrincipal } from '../../core/auth/public.decorator';
import { principalOf } from '../../core/auth/principal';
import { Api } from '../../core/http/contract';
import { DashboardService } from './dashboard.service';

/** The staff landing page: one call for the work numbers of the caller's scope. */
@ForPrincipal('staff')
@Controller('/')
export class DashboardController {
  @Inject()
  ctx!: Context;

  @Inject()
  private dashboard!: DashboardService;

  @Api(dashboardRoutes.get)
  async get() {
    // Counts change with every case: a cached answer would show yesterday's work.
    this.ctx.set('Cache-Control', 'no-store');
    return { data: await this.dashboard.dashboard(principalOf(this.ctx)) };
  }
}
