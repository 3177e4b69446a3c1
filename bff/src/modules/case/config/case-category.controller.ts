import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@midwayjs/swagger';
import { Permission } from '@zhili/shared';
import type { ApiSuccess, CaseCategoryVO } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { RequirePermission } from '../../../core/auth/require-permission.decorator';
import { clientInfo } from '../../../core/http/client-info';
import type { Acting } from '../../audit/audit-actor.service';
import { CreateCaseCategoryDTO, UpdateCaseCategoryDTO } from './case-category.dto';
import { CaseCategoryAdminService } from './case-category.service';

/** 问题类型 (managed list with SLA and responsible department): read by case staff, edited at town level. */
@ApiTags('管理端 · 工单配置')
@ApiBearerAuth()
@ForPrincipal('staff')
@Controller('/api/admin')
export class CaseCategoryController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private categories!: CaseCategoryAdminService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Get('/case-categories')
  @RequirePermission(Permission.CaseRead)
  @ApiOperation({ summary: '问题类型列表（含停用的）' })
  async list(): Promise<ApiSuccess<CaseCategoryVO[]>> {
    return { data: await this.categories.list() };
  }

  @Post('/case-categories')
  @HttpCode(201)
  @RequirePermission(Permission.CaseManage)
  @ApiOperation({ summary: '新建问题类型（镇级）；代码重复 409' })
  async create(@Body() body: CreateCaseCategoryDTO): Promise<ApiSuccess<CaseCategoryVO>> {
    return { data: await this.categories.create(this.acting(), body) };
  }

  @Patch('/case-categories/:code')
  @RequirePermission(Permission.CaseManage)
  @ApiOperation({ summary: '修改问题类型（名称、图标、部门、时限、启用、排序、是否公开）；停用不影响已有工单' })
  async update(@Param('code') code: string, @Body() body: UpdateCaseCategoryDTO): Promise<ApiSuccess<CaseCategoryVO>> {
    return { data: await this.categories.update(this.acting(), code, body) };
  }
}
