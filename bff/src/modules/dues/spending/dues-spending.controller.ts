import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { duesSpendingRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import type { Acting } from '../../../core/audit';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import { RateLimit } from '../../../core/http/rate-limit';
import { attachmentHeader, todayInShanghai, XLSX_MIME } from '../../registry';
import { spendingXlsx } from './dues-spending-export';
import { DuesSpendingService } from './dues-spending.service';

/** 党费支出 in the portal: the records of the caller's organisations, their totals and the xlsx. */
@ForPrincipal('staff')
@Controller('/')
export class DuesSpendingController {
  @Inject()
  ctx!: Context;

  @Inject()
  private spending!: DuesSpendingService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Api(duesSpendingRoutes.list)
  async list({ query }: RouteInput<typeof duesSpendingRoutes.list>) {
    const { items, total } = await this.spending.list(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(duesSpendingRoutes.summary)
  async summary({ query }: RouteInput<typeof duesSpendingRoutes.summary>) {
    return { data: await this.spending.summary(principalOf(this.ctx), query) };
  }

  @Api(duesSpendingRoutes.create)
  async create({ body }: RouteInput<typeof duesSpendingRoutes.create>) {
    return { data: await this.spending.create(this.acting(), body) };
  }

  @Api(duesSpendingRoutes.update)
  async update({ params, body }: RouteInput<typeof duesSpendingRoutes.update>) {
    return { data: await this.spending.update(this.acting(), params.id, body) };
  }

  @Api(duesSpendingRoutes.remove)
  async remove({ params }: RouteInput<typeof duesSpendingRoutes.remove>) {
    await this.spending.remove(this.acting(), params.id);
  }

  @Api(duesSpendingRoutes.export)
  @RateLimit({ name: 'dues.spending.export', limit: 20, windowSec: 600 })
  async export({ query }: RouteInput<typeof duesSpendingRoutes.export>) {
    const acting = this.acting();
    const rows = await this.spending.all(acting.actor, query);
    const buffer = await spendingXlsx(rows);
    await this.spending.recordExport(acting, query, rows.length);
    const day = todayInShanghai(new Date());
    this.ctx.set('Content-Type', XLSX_MIME);
    this.ctx.set('Content-Disposition', attachmentHeader(`党费支出-${day}.xlsx`, `dues-spending-${day}.xlsx`));
    this.ctx.set('Cache-Control', 'no-store');
    this.ctx.body = buffer;
  }
}
