import { Controller, Get, Inject, Param } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@midwayjs/swagger';
import { Permission, type ApiSuccess } from '@zhili/shared';
import { ForPrincipal } from '../../core/auth/public.decorator';
import { principalOf } from '../../core/auth/principal';
import { RequirePermission } from '../../core/auth/require-permission.decorator';
import { clientInfo } from '../../core/http/client-info';
import { ResidentPiiVO, ResidentVO } from './resident.dto';
import { ResidentAdminService } from './resident-admin.service';

@ApiTags('管理端 · 居民')
@ApiBearerAuth()
@ForPrincipal('staff')
@Controller('/api/admin/residents')
export class ResidentAdminController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private service!: ResidentAdminService;

  @Get('/:id')
  @RequirePermission(Permission.PersonRead)
  @ApiOperation({ summary: '居民（小程序用户）详情，手机号脱敏；仅限本人管辖区域' })
  @ApiResponse({ status: 200, type: ResidentVO })
  async get(@Param('id') id: string): Promise<ApiSuccess<ResidentVO>> {
    return { data: await this.service.get(principalOf(this.ctx), id) };
  }

  @Get('/:id/pii')
  @RequirePermission(Permission.PiiRead)
  @ApiOperation({ summary: '查看居民未脱敏手机号（记录审计日志）' })
  @ApiResponse({ status: 200, type: ResidentPiiVO })
  async pii(@Param('id') id: string): Promise<ApiSuccess<ResidentPiiVO>> {
    return { data: await this.service.pii(principalOf(this.ctx), id, clientInfo(this.ctx)) };
  }
}
