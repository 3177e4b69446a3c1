import { Config, Destroy, ILogger, Init, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { GovEnv } from '../gov.config';
import { GovConnectorBase } from '../core/gov-connector-base';
import { parseHotlinePage } from './hotline-payloads';
import { HOTLINE_CONNECTOR, HOTLINE_PATHS } from './hotline.types';
import type { HotlineStatusUpdate } from './hotline.types';

/**
 * The 12345 hotline platform (政务服务便民热线) client: pull pages of work orders, acknowledge
 * receipt, report status. Enabled when HOTLINE_API_BASE, HOTLINE_APP_KEY and HOTLINE_APP_SECRET
 * are set. Every call is idempotent on the platform side, so all are retried on transient failures.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class Hotline12345Connector extends GovConnectorBase {
  readonly name = HOTLINE_CONNECTOR;

  @Config('zhili.modules.gov')
  private env!: GovEnv;

  @Logger()
  private logger!: ILogger;

  @Init()
  init(): void {
    this.configure(
      {
        name: HOTLINE_CONNECTOR,
        label: '12345热线平台',
        baseUrl: this.env.HOTLINE_API_BASE,
        appKey: this.env.HOTLINE_APP_KEY,
        appSecret: this.env.HOTLINE_APP_SECRET,
        timeoutMs: this.env.GOV_TIMEOUT_MS,
      },
      this.logger,
    );
  }

  /** Orders created or changed after `cursor` (null = from the start), oldest first. */
  async queryOrders(cursor: string | null, pageSize = 50) {
    return parseHotlinePage(
      await this.request<unknown>(HOTLINE_PATHS.queryOrders, { cursor, pageSize }, { idempotent: true }),
    );
  }

  /** Tells the platform the order became case `caseNo` (idempotent by order number). */
  async ackOrder(ack: { orderNo: string; caseNo: string; receivedAt: string }): Promise<void> {
    await this.request(HOTLINE_PATHS.ackOrder, ack, { idempotent: true });
  }

  /** One timeline step of the case (idempotent by orderNo + seq). */
  async reportStatus(update: HotlineStatusUpdate): Promise<void> {
    await this.request(HOTLINE_PATHS.reportStatus, update, { idempotent: true });
  }

  @Destroy()
  stop(): void {
    this.shutdown();
  }
}
