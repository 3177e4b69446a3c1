import { Config, Destroy, ILogger, Init, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { GovEnv } from '../gov.config';
import { GovConnectorBase } from '../core/gov-connector-base';
import { parseCityCreated, parseCityPage } from './city-payloads';
import { CITY_CONNECTOR, CITY_PATHS, CITY_PLATFORM_NAME } from './city.types';
import type { CityEventCreated, CityEventRequest } from './city.types';

/**
 * The city operation platform (城市运行管理服务平台) client: create an event for an escalated case
 * (idempotent by case number) and read finished results. Enabled when CITY_API_BASE, CITY_APP_KEY
 * and CITY_APP_SECRET are set; until then the workflow refuses escalation to the city.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CityPlatformConnector extends GovConnectorBase {
  readonly name = CITY_CONNECTOR;

  @Config('zhili.modules.gov')
  private env!: GovEnv;

  @Logger()
  private logger!: ILogger;

  @Init()
  init(): void {
    this.configure(
      {
        name: CITY_CONNECTOR,
        label: CITY_PLATFORM_NAME,
        baseUrl: this.env.CITY_API_BASE,
        appKey: this.env.CITY_APP_KEY,
        appSecret: this.env.CITY_APP_SECRET,
        timeoutMs: this.env.GOV_TIMEOUT_MS,
      },
      this.logger,
    );
  }

  async createEvent(event: CityEventRequest): Promise<CityEventCreated> {
    return parseCityCreated(await this.request<unknown>(CITY_PATHS.createEvent, event, { idempotent: true }));
  }

  async queryResults(cursor: string | null, pageSize = 50) {
    return parseCityPage(
      await this.request<unknown>(CITY_PATHS.queryResults, { cursor, pageSize }, { idempotent: true }),
    );
  }

  @Destroy()
  stop(): void {
    this.shutdown();
  }
}
