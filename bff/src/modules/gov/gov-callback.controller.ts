import { Controller, HttpCode, Inject, Post } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiOperation, ApiTags } from '@midwayjs/swagger';
import type { ApiSuccess } from '@zhili/shared';
import { Public } from '../../core/auth/public.decorator';
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
@ApiTags('政务平台回调')
@Controller('/api/callbacks/gov')
export class GovCallbackController {
  @Inject()
  private ctx!: Context;

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
  @Post('/hotline12345')
  @HttpCode(200)
  @ApiOperation({ summary: '12345 热线工单推送（签名校验，按工单号幂等）' })
  async hotlineOrder(): Promise<ApiSuccess<{ orderNo: string; caseNo: string; created: boolean }>> {
    const body = await this.verifier.verify(HOTLINE_CONNECTOR, this.hotline.credentials, this.ctx);
    const { order } = parseHotlinePush(body);
    const { record, created } = await this.hotlineInbound.ingest(order);
    return { data: { orderNo: order.orderNo, caseNo: record.no, created } };
  }

  /** A finished city event → the escalated case is resolved by the system. */
  @Post('/city')
  @HttpCode(200)
  @ApiOperation({ summary: '城市运行管理服务平台处置结果推送（签名校验）' })
  async cityResult(): Promise<ApiSuccess<{ caseNo: string; outcome: 'resolved' | 'ignored' }>> {
    const body = await this.verifier.verify(CITY_CONNECTOR, this.city.credentials, this.ctx);
    const { result } = parseCityPush(body);
    return { data: await this.cityResults.apply(result) };
  }
}
