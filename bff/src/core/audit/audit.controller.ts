import { Controller, Get, Inject, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@midwayjs/swagger';
import type { ApiList, ApiSuccess } from '@zhili/shared';
import { ForPrincipal } from '../auth/public.decorator';
import { principalOf } from '../auth/principal';
import { RequirePermission } from '../auth/require-permission.decorator';
import { clientInfo } from '../http/client-info';
import { RateLimit } from '../http/rate-limit';
import { AuditQueryDTO, AuditRecordVO, AuditVerifyVO } from './audit.dto';
import { AuditQueryService } from './audit-query.service';

/** The audit viewer: read and verify only. No route changes or deletes a record, by design. */
@ApiTags('管理端 · 审计日志')
@ApiBearerAuth()
@ForPrincipal('staff')
@Controller('/api/admin')
export class AuditController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private query!: AuditQueryService;

  @Get('/audit')
  @RequirePermission('audit:read')
  @ApiOperation({ summary: '审计日志（新记录在前；可按操作人、操作、资源、结果、时间筛选）' })
  @ApiResponse({ status: 200, type: AuditRecordVO, isArray: true })
  async list(@Query() query: AuditQueryDTO): Promise<ApiList<AuditRecordVO>> {
    const { items, total } = await this.query.list(query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Get('/audit/verify')
  @RequirePermission('audit:read')
  // Walks the whole log: expensive, so a few runs per minute per auditor are plenty.
  @RateLimit({ name: 'audit.verify', limit: 5, windowSec: 60 })
  @ApiOperation({ summary: '校验审计日志哈希链是否完整' })
  @ApiResponse({ status: 200, type: AuditVerifyVO })
  async verify(): Promise<ApiSuccess<AuditVerifyVO>> {
    return { data: await this.query.verify({ actor: principalOf(this.ctx), client: clientInfo(this.ctx) }) };
  }
}
