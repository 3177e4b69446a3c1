import { Config, Controller, ILogger, Inject, Logger } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiExcludeController } from '@midwayjs/swagger';
import { open311JurisdictionQuery, open311PostFields, open311Routes, z } from '@zhili/shared';
import type { RouteInput, RouteSpec } from '@zhili/shared';
import type { AppEnv } from '../../../config/env';
import { Public } from '../../../core/auth/public.decorator';
import { Api, parseRouteBody, parseValue } from '../../../core/http/contract';
import type { ContractController } from '../../../core/http/contract';
import { consumeRateLimit } from '../../../core/http/rate-limit';
import type { RateLimitRule } from '../../../core/http/rate-limit';
import { InfraService } from '../../../core/infra/infra.service';
import type { Open311Value } from './open311-format';
import { Open311IntakeService } from './open311-intake.service';
import { checkJurisdiction, dateWindow } from './open311-params';
import { postFormOf } from './open311-post-form';
import { Open311RequestsService } from './open311-requests.service';
import type { RequestsQuery } from './open311-requests.service';
import { respondOpen311 } from './open311-response';
import { Open311ServicesService } from './open311-services.service';

/** Reads are public but bounded per client address; posting is rarer still (and needs a key). */
const READ_LIMIT: RateLimitRule = { name: 'open311.read', limit: 300, windowSec: 60, by: 'ip' };
const POST_LIMIT: RateLimitRule = { name: 'open311.post', limit: 120, windowSec: 3600, by: 'ip' };

type Routes = typeof open311Routes;

/** Root element of each resource's XML document (its JSON form is the root's content). */
const ROOT_ELEMENT: Record<keyof Routes, string> = {
  discovery: 'discovery',
  services: 'services',
  serviceDefinition: 'service_definition',
  requests: 'service_requests',
  postRequest: 'service_requests',
  request: 'service_requests',
  token: 'service_requests',
};
const roots = new Map<RouteSpec, string>(
  (Object.keys(ROOT_ELEMENT) as (keyof Routes)[]).map((name) => [open311Routes[name], ROOT_ELEMENT[name]]),
);

/** A POST's api_key, read before the rest of the form: 403 comes before 400. */
const postCredentials = z.object({ api_key: open311PostFields.shape.api_key });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at `/open311/v2`, every resource as
 * `.xml` or `.json` (routes: `open311Routes` of the contract). Public routes (the spec's own api_key
 * guards POST); answers and errors are the spec's documents, not our envelope — `answer` writes them.
 */
// The contract documents these routes; @midwayjs/swagger's own scan would add them again, misreading
// the `:code.:format` paths (as `{code.:format}`) so that they do not match the contract's.
@ApiExcludeController()
@Public()
@Controller('/')
export class Open311Controller implements ContractController {
  @Inject()
  ctx!: Context;

  @Config('zhili.env')
  private env!: Pick<AppEnv, 'PUBLIC_BASE_URL' | 'OPEN311_JURISDICTION'>;

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

  /**
   * Every resource: the rate limit first (bad requests spend budget too), then jurisdiction_id (from
   * the query or a POST's form: another jurisdiction is 404 whatever else is wrong), then the input
   * and the handler; the document, or the spec's error list for any failure, in the suffix's format.
   */
  answer(route: RouteSpec, serve: () => Promise<unknown>): Promise<string> {
    return respondOpen311(this.ctx, this.ctx.params?.format, this.logger, async () => {
      await consumeRateLimit(this.infra.infra, this.ctx, route.method === 'POST' ? POST_LIMIT : READ_LIMIT);
      const args = { ...this.ctx.query, ...this.form() };
      const { jurisdiction_id } = parseValue(open311JurisdictionQuery, args, 'query');
      checkJurisdiction(jurisdiction_id, this.env.OPEN311_JURISDICTION);
      const { data } = (await serve()) as { data: Open311Value };
      return { root: roots.get(route) as string, value: data };
    });
  }

  /** The fields of a POST's form (a body that is not an object has none). */
  private form(): Record<string, unknown> {
    const body = (this.ctx.request as { body?: unknown }).body;
    return isRecord(body) ? body : {};
  }

  @Api(open311Routes.discovery)
  async discovery() {
    const base = (this.env.PUBLIC_BASE_URL ?? this.ctx.origin).replace(/\/$/, '');
    return { data: await this.services.discovery(`${base}/open311/v2`) };
  }

  @Api(open311Routes.services)
  async serviceList() {
    return { data: await this.services.list() };
  }

  @Api(open311Routes.serviceDefinition)
  async serviceDefinition({ params }: RouteInput<Routes['serviceDefinition']>) {
    return { data: await this.services.definition(params.code) };
  }

  @Api(open311Routes.requests)
  async requestList({ query }: RouteInput<Routes['requests']>) {
    return { data: await this.requests.list(requestsQuery(query)) };
  }

  /** The form is checked after the api_key: an unknown client learns nothing about its form. */
  @Api(open311Routes.postRequest)
  async create() {
    const { api_key } = parseValue(postCredentials, this.form(), 'body');
    const key = await this.intake.authenticate(api_key);
    const form = parseRouteBody(open311Routes.postRequest, this.ctx);
    return { data: await this.intake.post(key, postFormOf(form)) };
  }

  @Api(open311Routes.request)
  async request({ params }: RouteInput<Routes['request']>) {
    return { data: await this.requests.one(params.id) };
  }

  @Api(open311Routes.token)
  async token({ params }: RouteInput<Routes['token']>) {
    return { data: await this.requests.byToken(params.token) };
  }
}

/** The filters of GET requests; service_request_id overrides every other one, as the spec says. */
function requestsQuery(query: RouteInput<Routes['requests']>['query']): RequestsQuery {
  if (query.service_request_id) return { ids: query.service_request_id };
  return {
    serviceCodes: query.service_code,
    statuses: query.status,
    ...dateWindow(query.start_date, query.end_date),
  };
}
