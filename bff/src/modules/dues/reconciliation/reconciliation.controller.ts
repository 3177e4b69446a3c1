import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { duesReconciliationRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import type { Acting } from '../../../core/audit';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import { RateLimit } from '../../../core/http/rate-limit';
import { ReconciliationQueryService, toVO } from './reconciliation-query.service';
import { ReconciliationService } from './reconciliation.service';

/** 党费对账 in the portal (town finance, dues:finance): daily runs, a day's differences, run a day, resolve. */
@ForPrincipal('staff')
@Controller('/')
export class ReconciliationController {
  @Inject()
  ctx!: Context;

  @Inject()
  private runs!: ReconciliationService;

  @Inject()
  private query!: ReconciliationQueryService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Api(duesReconciliationRoutes.list)
  async list({ query }: RouteInput<typeof duesReconciliationRoutes.list>) {
    const { items, total } = await this.query.page(this.acting(), query.page, query.pageSize);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(duesReconciliationRoutes.day)
  async day({ params }: RouteInput<typeof duesReconciliationRoutes.day>) {
    return { data: await this.query.day(this.acting(), params.date) };
  }

  @Api(duesReconciliationRoutes.run)
  @RateLimit({ name: 'dues.reconcile', limit: 20, windowSec: 600 })
  async run({ body }: RouteInput<typeof duesReconciliationRoutes.run>) {
    const acting = this.acting();
    await this.query.assertTownWide(acting);
    const run = await this.runs.run(body.date, acting);
    return { data: toVO(run, run.differenceCount) };
  }

  @Api(duesReconciliationRoutes.resolve)
  async resolve({ params, body }: RouteInput<typeof duesReconciliationRoutes.resolve>) {
    return { data: await this.query.resolve(this.acting(), params.date, params.id, body.resolution) };
  }
}
