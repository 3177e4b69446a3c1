import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { caseConfigRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { clientInfo } from '../../../core/http/client-info';
import { Api } from '../../../core/http/contract';
import { HolidayAdminService, parseHolidayYear } from './holiday.service';

const routes = caseConfigRoutes;

/** 节假日 (the working-time calendar of SLA deadlines). */
@ForPrincipal('staff')
@Controller('/')
export class HolidayController {
  @Inject()
  ctx!: Context;

  @Inject()
  private holidays!: HolidayAdminService;

  @Api(routes.listHolidays)
  async list({ query }: RouteInput<typeof routes.listHolidays>) {
    return { data: await this.holidays.listYear(parseHolidayYear(query.year)) };
  }

  @Api(routes.replaceHolidays)
  async replace({ params, body }: RouteInput<typeof routes.replaceHolidays>) {
    const acting = { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
    return { data: await this.holidays.replaceYear(acting, params.year, body.days) };
  }
}
