import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { auditRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../auth/public.decorator';
import { principalOf } from '../auth/principal';
import { Api } from '../http/contract';
import { clientInfo } from '../http/client-info';
import { RateLimit } from '../http/rate-limit';
import { AuditQueryService } from './audit-query.service';

/** The audit viewer: read and verify only. No route changes or deletes a record, by design. */
@ForPrincipal('staff')
@Controller('/')
export class AuditController {
  @Inject()
  ctx!: Context;

  @Inject()
  private query!: AuditQueryService;

  @Api(auditRoutes.list)
  async list({ query }: RouteInput<typeof auditRoutes.list>) {
    const { items, total } = await this.query.list(query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  // Walks the whole log: expensive, so a few runs per minute per auditor are plenty.
  @Api(auditRoutes.verify)
  @RateLimit({ name: 'audit.verify', limit: 5, windowSec: 60 })
  async verify() {
    return { data: await this.query.verify({ actor: principalOf(this.ctx), client: clientInfo(this.ctx) }) };
  }
}
