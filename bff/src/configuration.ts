import { App, Config, Configuration, ILifeCycle, IMidwayContainer, Inject } from '@midwayjs/core';
import * as koa from '@midwayjs/koa';
import type { NextFunction } from '@midwayjs/koa';
import * as typeorm from '@midwayjs/typeorm';
import { InjectDataSource } from '@midwayjs/typeorm';
import type { DataSource } from 'typeorm';
import * as swagger from '@midwayjs/swagger';
import { dirname, join } from 'path';
import type { AppEnv } from './config/env';
import { AllErrorsFilter } from './core/errors/error.filter';
import { RequestIdMiddleware } from './core/http/request-id.middleware';
import { webSecurity, webSecurityOptions } from './core/http/security';
import { RateLimitGuard } from './core/http/rate-limit';
import { AuthGuard } from './core/auth/auth.guard';
import { spaStatic } from './core/static/spa-static.middleware';
import { RealtimeService } from './core/realtime/realtime.service';
import { HealthBroadcaster } from './modules/health';
import { serializeSqliteTransactions } from './core/db/sqlite-transactions';
import { bodyDepthLimit } from './core/http/body-guards';
import { apiDocs } from './core/http/api-docs';
import { assertContractBound, mergeDocuments } from './core/http/contract';
import { allRoutes } from '@zhili/shared';
import { JobRunner } from './core/jobs';
import { startupProviders } from './modules';

@Configuration({
  imports: [koa, typeorm, swagger],
  importConfigs: [join(__dirname, './config')],
})
export class MainConfiguration implements ILifeCycle {
  @App('koa')
  private app!: koa.Application;

  @Config('zhili.env')
  private env!: AppEnv;

  @Inject()
  private realtime!: RealtimeService;

  @Inject()
  private healthBroadcaster!: HealthBroadcaster;

  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private swaggerExplorer!: swagger.SwaggerExplorer;

  @Inject()
  private jobs!: JobRunner;

  async onReady(container: IMidwayContainer): Promise<void> {
    // Created now so their `@Init()` registers jobs, outbox handlers and subscribers before
    // `jobs.start()` (and in tests, where JOBS_ENABLED=false, the handlers still exist for
    // `OutboxService.deliverDue`). The list comes from the module manifests.
    for (const provider of startupProviders) await container.getAsync(provider);
    serializeSqliteTransactions(this.dataSource);
    assertContractBound(allRoutes());
    // First of all (before session and body parser): every response, also a body parser error,
    // gets its request id and access line.
    this.app.getMiddleware<NextFunction, unknown>().insertFirst(RequestIdMiddleware);
    // Security headers and CORS before anything answers, so static files and errors carry them too.
    this.app.useMiddleware(webSecurity(webSecurityOptions(this.env)));
    this.app.useMiddleware(bodyDepthLimit());
    this.app.useMiddleware(
      apiDocs({ document: () => this.apiDocument(), uiDir: dirname(require.resolve('swagger-ui-dist/package.json')) }),
    );
    this.app.useMiddleware(
      spaStatic([
        { prefix: '/admin', dir: this.env.ADMIN_STATIC_DIR, buildHint: '管理端尚未构建：请运行 npm run build:admin' },
        { prefix: '/h5', dir: this.env.H5_STATIC_DIR, buildHint: 'H5 尚未构建：请运行 npm run build:h5' },
      ]),
    );
    this.app.useFilter([AllErrorsFilter]);
    // Rate limits after authentication: refused callers spend nobody's budget.
    this.app.useGuard([AuthGuard, RateLimitGuard]);
  }

  /** The OpenAPI document: built once (the routes do not change after start). */
  private apiDocument(): object {
    this.apiDoc ??= mergeDocuments(this.swaggerExplorer.getData() as Record<string, unknown>, allRoutes());
    return this.apiDoc;
  }

  private apiDoc?: object;

  async onServerReady(): Promise<void> {
    const server = (this.app.getFramework() as unknown as koa.Framework).getServer();
    if (server) {
      // socket.io's long-polling follows the same CORS allow-list as /api (none = same-origin only).
      await this.realtime.attach(server, this.env.CORS_ORIGINS.length ? [...this.env.CORS_ORIGINS] : false);
      this.healthBroadcaster.start();
      this.jobs.start();
    }
  }

  async onStop(): Promise<void> {
    this.healthBroadcaster.stop();
    await this.jobs.stop();
    await this.realtime.close();
  }
}
