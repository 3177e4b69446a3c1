import { Body, Controller, Del, Get, HttpCode, Inject, Param, Post } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@midwayjs/swagger';
import { Permission } from '@zhili/shared';
import type { ApiSuccess, CaseSavedViewVO } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { RequirePermission } from '../../../core/auth/require-permission.decorator';
import { CreateSavedViewDTO } from './case-saved-view.dto';
import { CaseSavedViewService } from './case-saved-view.service';

/** 工单视图: the caller's own saved inbox filters. */
@ApiTags('管理端 · 工单')
@ApiBearerAuth()
@ForPrincipal('staff')
@Controller('/api/admin')
export class CaseSavedViewController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private views!: CaseSavedViewService;

  @Get('/case-views')
  @RequirePermission(Permission.CaseRead)
  @ApiOperation({ summary: '我的工单视图（保存的筛选条件）' })
  async list(): Promise<ApiSuccess<CaseSavedViewVO[]>> {
    return { data: await this.views.list(principalOf(this.ctx)) };
  }

  @Post('/case-views')
  @HttpCode(201)
  @RequirePermission(Permission.CaseRead)
  @ApiOperation({ summary: '保存工单视图（每人最多 20 个，名称不超过 32 字）' })
  async create(@Body() body: CreateSavedViewDTO): Promise<ApiSuccess<CaseSavedViewVO>> {
    return { data: await this.views.create(principalOf(this.ctx), body.name, body.filters) };
  }

  @Del('/case-views/:id')
  @HttpCode(204)
  @RequirePermission(Permission.CaseRead)
  @ApiOperation({ summary: '删除自己的工单视图' })
  async remove(@Param('id') id: string): Promise<void> {
    await this.views.remove(principalOf(this.ctx), id);
  }
}
