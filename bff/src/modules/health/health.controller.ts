import { Controller, Get, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiOperation, ApiResponse, ApiTags } from '@midwayjs/swagger';
import type { ApiSuccess, HealthReport } from '@zhili/shared';
import { Public } from '../../core/auth/public.decorator';
import { HealthService } from './health.service';

@ApiTags('系统')
@Controller('/api')
export class HealthController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private health!: HealthService;

  @Public()
  @Get('/health')
  @ApiOperation({ summary: '健康检查：数据库与缓存连通性（降级时返回 503，响应体相同）' })
  @ApiResponse({ status: 200, description: 'status = ok' })
  @ApiResponse({ status: 503, description: 'status = degraded' })
  async get(): Promise<ApiSuccess<HealthReport>> {
    const report = await this.health.report();
    this.ctx.status = report.status === 'ok' ? 200 : 503;
    this.ctx.set('Cache-Control', 'no-store');
    return { data: report };
  }
}
