import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { govCallbackRoutes } from '@zhili/shared';
import { Public } from '../../core/auth/public.decorator';
import { Api } from '../../core/http/contract';
import { CityPlatformConnector } from './city/city-platform.connector';
import { parseCityPush } from './city/city-payloads';
import { CityResultsService } from './city/city-results.service';
import { CITY_CONNECTOR } from './city/city.types';
import { GovCallbackVerifier } from './core/gov-callback-verifier';
import { Hotline12345Connector } from './hotline/hotline-12345.connector';
import { HotlineInboundService } from './hotline/hotline-inbound.service';
import { parseHotlinePush } from './hotline/hotline-payloads';
import { HOTLINE_CONNECTOR } from './hotline/hotline.types';

/**
 * Pushes from government platforms. No token: each request is authenticated by its HMAC signature
 * (checked over the raw body before anything is parsed), a fresh timestamp and a single-use nonce.
 * See docs/GOV-PROTOCOL.md §5. Both are idempotent, so a platform may push the same thing again.
 */
@Public()
@Controller('/')
export class GovCallbackController {
  @Inject()
  ctx!: Context;

  @Inject()
  private verifier!: GovCallbackVerifier;

  @Inject()
  private hotline!: Hotline12345Connector;

  @Inject()
  private hotlineInbound!: HotlineInboundService;

  @Inject()
  private city!: CityPlatformConnector;

  @Inject()
  private cityResults!: CityResultsService;

  /** A new or updated 12345 work order → a case (the same order twice → the same case). */
  @Api(govCallbackRoutes.hotline)
  async hotlineOrder() {
    const body = await this.verifier.verify(HOTLINE_CONNECTOR, this.hotline.credentials, this.ctx);
    const { order } = parseHotlinePush(body);
    const { record, created } = await this.hotlineInbound.ingest(order);
    return { data: { orderNo: order.orderNo, caseNo: record.no, created } };
  }

  /** A finished city event → the escalated case is resolved by the system. */
  @Api(govCallbackRoutes.city)
  async cityResult() {
    const body = await this.verifier.verify(CITY_CONNECTOR, this.city.credentials, this.ctx);
    const { result } = parseCityPush(body);
    return { data: await this.cityResults.apply(result) };
  }
}
