import { Body, Controller, Get, Inject, Param, Put } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@midwayjs/swagger';
import { Permission } from '@zhili/shared';
import type { ApiSuccess, CasePublicationVO } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { RequirePermission } from '../../../core/auth/require-permission.decorator';
import { clientInfo } from '../../../core/http/client-info';
import { UpdateCasePublicationDTO } from './case-publication.dto';
import { CasePublicationService } from './case-publication.service';

/** 政务公开: what Open311 shows of a case; the public text is written by staff who handle the case. */
@ApiTags('管理端 · 工单')
@ApiBearerAuth()
@ForPrincipal('staff')
@Controller('/api/admin')
export class CasePublicationController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private publication!: CasePublicationService;

  @Get('/cases/:id/publication')
  @RequirePermission(Permission.CaseRead)
  @ApiOperation({ summary: '工单的公开信息：是否公示全文（类型公开且非匿名）与公开说明' })
  async get(@Param('id') id: string): Promise<ApiSuccess<CasePublicationVO>> {
    return { data: await this.publication.get(principalOf(this.ctx), id) };
  }

  @Put('/cases/:id/publication')
  @RequirePermission(Permission.CaseDispatch)
  @ApiOperation({ summary: '设置公开说明（工作人员审核后的文字，政务公开平台只显示它，不显示居民原文）；记审计' })
  async update(@Param('id') id: string, @Body() body: UpdateCasePublicationDTO): Promise<ApiSuccess<CasePublicationVO>> {
    return { data: await this.publication.update({ actor: principalOf(this.ctx), client: clientInfo(this.ctx) }, id, body.publicDescription) };
  }
}
