import { Body, Controller, Get, Inject, Param, Put, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@midwayjs/swagger';
import { Permission } from '@zhili/shared';
import type { ApiSuccess, HolidayVO } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { RequirePermission } from '../../../core/auth/require-permission.decorator';
import { clientInfo } from '../../../core/http/client-info';
import { HolidayYearQueryDTO, ReplaceHolidaysDTO } from './holiday.dto';
import { HolidayAdminService, parseHolidayYear } from './holiday.service';

/** 节假日 (the working-time calendar of SLA deadlines). */
@ApiTags('管理端 · 工单配置')
@ApiBearerAuth()
@ForPrincipal('staff')
@Controller('/api/admin')
export class HolidayController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private holidays!: HolidayAdminService;

  @Get('/holidays')
  @RequirePermission(Permission.CaseRead)
  @ApiOperation({ summary: '某年的节假日与调休上班日（默认今年）' })
  async list(@Query() query: HolidayYearQueryDTO): Promise<ApiSuccess<HolidayVO[]>> {
    return { data: await this.holidays.listYear(parseHolidayYear(query.year)) };
  }

  @Put('/holidays/:year')
  @RequirePermission(Permission.CaseManage)
  @ApiOperation({ summary: '整年替换节假日（镇级；之后计算的时限立即采用）' })
  async replace(@Param('year') year: string, @Body() body: ReplaceHolidaysDTO): Promise<ApiSuccess<HolidayVO[]>> {
    const acting = { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
    return { data: await this.holidays.replaceYear(acting, parseHolidayYear(year), body.days) };
  }
}
