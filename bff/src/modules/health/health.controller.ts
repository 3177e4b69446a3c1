import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { healthRoutes } from '@zhili/shared';
import { Public } from '../../core/auth/public.decorator';
import { Api } from '../../core/http/contract';
import { HealthService } from './health.service';

@Controller('/')
export class HealthController {
  @Inject()
  ctx!: Context;

  @Inject()
  private health!: HealthService;

  @Public()
  @Api(healthRoutes.get)
  async get() {
    const report = await this.health.report();
    // Degraded is still an answer: same body, status 503 (the route declares no fixed status).
    this.ctx.status = report.status === 'ok' ? 200 : 503;
    this.ctx.set('Cache-Control', 'no-store');
    return { data: report };
  }
}
