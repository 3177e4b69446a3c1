import { Body, Controller, Get, Inject, Post, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@midwayjs/swagger';
import { Permission, type ApiList, type ApiSuccess } from '@zhili/shared';
import { ForPrincipal } from '../../core/auth/public.decorator';
import { principalOf } from '../../core/auth/principal';
import { RequirePermission } from '../../core/auth/require-permission.decorator';
import { clientInfo } from '../../core/http/client-info';
import { BindingIssueDTO, BindingIssuedVO, BindingListQueryDTO, BindingVO } from './binding.dto';
import { BindingService } from './binding.service';

@ApiTags('管理端 · 身份绑定码')
@ApiBearerAuth()
@ForPrincipal('staff')
@Controller('/api/admin/bindings')
export class BindingAdminController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private service!: BindingService;

  @Post('/')
  @RequirePermission(Permission.BindingIssue)
  @ApiOperation({ summary: '签发一次性身份绑定码（网格员/党员，72 小时内有效）' })
  @ApiResponse({ status: 200, type: BindingIssuedVO })
  async issue(@Body() body: BindingIssueDTO): Promise<ApiSuccess<BindingIssuedVO>> {
    return { data: await this.service.issue(principalOf(this.ctx), body, clientInfo(this.ctx)) };
  }

  @Get('/')
  @RequirePermission(Permission.BindingIssue)
  @ApiOperation({ summary: '本人管辖范围内签发的绑定码（最新在前）' })
  @ApiResponse({ status: 200, type: BindingVO, isArray: true })
  async list(@Query() query: BindingListQueryDTO): Promise<ApiList<BindingVO>> {
    const page = { page: query.page, pageSize: query.pageSize };
    const { items, total } = await this.service.list(principalOf(this.ctx), page, query.status);
    return { data: items, page: { ...page, total } };
  }
}
