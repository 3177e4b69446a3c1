import { Config, Controller, Get, ILogger, Inject, Logger, Param, Post } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiExcludeController } from '@midwayjs/swagger';
import type { AppEnv } from '../../../config/env';
import { Public } from '../../../core/auth/public.decorator';
import { consumeRateLimit } from '../../../core/http/rate-limit';
import type { RateLimitRule } from '../../../core/http/rate-limit';
import { InfraService } from '../../../core/infra/infra.service';
import { badRequest } from './open311-error';
import { Open311IntakeService } from './open311-intake.service';
import { checkJurisdiction, commaList, dateWindow, single } from './open311-params';
import { Open311RequestsService } from './open311-requests.service';
import type { RequestsQuery } from './open311-requests.service';
import { respondOpen311 } from './open311-response';
import type { Open311Document } from './open311-response';
import { Open311ServicesService } from './open311-services.service';
import type { Open311Status } from './open311-status';

/** Reads are public but bounded per client address; posting is rarer still (and needs a key). */
const READ_LIMIT: RateLimitRule = { name: 'open311.read', limit: 300, windowSec: 60, by: 'ip' };
const POST_LIMIT: RateLimitRule = { name: 'open311.post', limit: 120, windowSec: 3600, by: 'ip' };

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at `/open311/v2`, every resource as
 * `.xml` or `.json`. Public routes (the spec's own api_key guards POST); answers and errors are the
 * spec's documents, not our `{ data }` envelope — hence no DTO validation and no Swagger entry here.
 */
@ApiExcludeController()
@Public()
@Controller('/open311/v2')
export class Open311Controller {
  @Inject()
  private ctx!: Context;

  @Config('zhili.env')
  private env!: AppEnv;

  @Inject()
  private infra!: InfraService;

  @Inject()
  private services!: Open311ServicesService;

  @Inject()
  private requests!: Open311RequestsService;

  @Inject()
  private intake!: Open311IntakeService;

  @Logger()
  private logger!: ILogger;

  /** Common prologue of every resource: rate limit, then the optional jurisdiction_id. */
  private respond(
    format: string,
    limit: RateLimitRule,
    produce: (args: Record<string, unknown>) => Promise<Open311Document>,
  ): Promise<string> {
    return respondOpen311(this.ctx, format, this.logger, async () => {
      await consumeRateLimit(this.infra.infra, this.ctx, limit);
      const args = {
        ...(this.ctx.query as Record<string, unknown>),
        ...((this.ctx.request.body as Record<string, unknown> | undefined) ?? {}),
      };
      checkJurisdiction(args.jurisdiction_id, this.env.OPEN311_JURISDICTION);
      return produce(args);
    });
  }

  @Get('/discovery.:format')
  async discovery(@Param('format') format: string): Promise<string> {
    const base = (this.env.PUBLIC_BASE_URL ?? this.ctx.origin).replace(/\/$/, '');
    return this.respond(format, READ_LIMIT, async () => ({
      root: 'discovery',
      value: await this.services.discovery(`${base}/open311/v2`),
    }));
  }

  @Get('/services.:format')
  async serviceList(@Param('format') format: string): Promise<string> {
    return this.respond(format, READ_LIMIT, async () => ({ root: 'services', value: await this.services.list() }));
  }

  @Get('/services/:code.:format')
  async serviceDefinition(@Param('code') code: string, @Param('format') format: string): Promise<string> {
    return this.respond(format, READ_LIMIT, async () => ({
      root: 'service_definition',
      value: await this.services.definition(code),
    }));
  }

  @Get('/requests.:format')
  async requestList(@Param('format') format: string): Promise<string> {
    return this.respond(format, READ_LIMIT, async (args) => ({
      root: 'service_requests',
      value: await this.requests.list(requestsQuery(args)),
    }));
  }

  @Post('/requests.:format')
  async create(@Param('format') format: string): Promise<string> {
    return this.respond(format, POST_LIMIT, async (args) => ({
      root: 'service_requests',
      value: await this.intake.post(args),
    }));
  }

  @Get('/requests/:id.:format')
  async request(@Param('id') id: string, @Param('format') format: string): Promise<string> {
    return this.respond(format, READ_LIMIT, async () => ({
      root: 'service_requests',
      value: await this.requests.one(id),
    }));
  }

  @Get('/tokens/:token.:format')
  async token(@Param('token') token: string, @Param('format') format: string): Promise<string> {
    return this.respond(format, READ_LIMIT, async () => ({
      root: 'service_requests',
      value: await this.requests.byToken(token),
    }));
  }
}

/** The filters of GET requests, checked (400 on anything malformed). */
function requestsQuery(args: Record<string, unknown>): RequestsQuery {
  const ids = commaList(args.service_request_id, 'service_request_id');
  if (ids) return { ids };
  const statuses = commaList(args.status, 'status', 2);
  if (statuses?.some((s) => s !== 'open' && s !== 'closed')) throw badRequest('status 只能是 open 或 closed');
  return {
    serviceCodes: commaList(args.service_code, 'service_code', 100),
    statuses: statuses as Open311Status[] | undefined,
    ...dateWindow(single(args.start_date, 'start_date'), single(args.end_date, 'end_date')),
  };
}
