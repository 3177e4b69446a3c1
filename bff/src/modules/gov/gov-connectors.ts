import { Autoload, Config, ILogger, Init, Inject, Logger, Scope, ScopeEnum } from '@midwayjs/core';
import type { AppEnv } from '../../config/env';
import { JobRunner } from '../../core/jobs';
import { OutboxService } from '../../core/outbox';
import type { GovConnectorStatus } from './core/gov-adapter';
import { CityEscalationService } from './city/city-escalation.service';
import { CityPlatformConnector } from './city/city-platform.connector';
import { CityResultsService } from './city/city-results.service';
import { Hotline12345Connector } from './hotline/hotline-12345.connector';
import { HOTLINE_ACK_TOPIC, HotlineInboundService } from './hotline/hotline-inbound.service';
import { HotlineOutboundService } from './hotline/hotline-outbound.service';

export const GOV_JOBS = { hotlinePull: 'gov.hotline12345.pull', cityPull: 'gov.city.pull' } as const;
export const GOV_TOPICS = { hotlineStatus: 'gov.hotline.status', hotlineAck: HOTLINE_ACK_TOPIC, cityEscalate: 'gov.city.escalate' } as const;

/**
 * Wires the configured connectors into the process at start-up (`@Autoload`): their pull jobs on the
 * `JobRunner` (exclusive: one node pulls) and their outbox handlers. A connector that is not
 * configured registers nothing, so its messages wait (pending, no attempts spent) until it is.
 * `statuses()` is what a health check shows (breaker state per connector).
 */
@Autoload()
@Scope(ScopeEnum.Singleton)
export class GovConnectors {
  @Inject()
  private hotline!: Hotline12345Connector;

  @Inject()
  private city!: CityPlatformConnector;

  @Inject()
  private hotlineInbound!: HotlineInboundService;

  @Inject()
  private hotlineOutbound!: HotlineOutboundService;

  @Inject()
  private cityEscalation!: CityEscalationService;

  @Inject()
  private cityResults!: CityResultsService;

  @Inject()
  private jobs!: JobRunner;

  @Inject()
  private outbox!: OutboxService;

  @Config('zhili.env')
  private env!: AppEnv;

  @Logger()
  private logger!: ILogger;

  @Init()
  init(): void {
    if (this.hotline.enabled) {
      this.outbox.register(GOV_TOPICS.hotlineStatus, (payload) => this.hotlineOutbound.deliverStatus(payload));
      this.outbox.register(GOV_TOPICS.hotlineAck, (payload) => this.hotlineOutbound.deliverAck(payload));
      this.jobs.register({
        name: GOV_JOBS.hotlinePull,
        intervalMs: this.env.HOTLINE_PULL_INTERVAL_MS,
        exclusive: true,
        run: async (now) => {
          const r = await this.hotlineInbound.pull(now);
          if (r.orders) this.logger.info('[gov] 12345 pull: %j', r);
        },
      });
    }
    if (this.city.enabled) {
      this.outbox.register(GOV_TOPICS.cityEscalate, (payload) => this.cityEscalation.deliver(payload));
      this.jobs.register({
        name: GOV_JOBS.cityPull,
        // No separate setting: results are rare and also pushed; the hotline's cadence is plenty.
        intervalMs: this.env.HOTLINE_PULL_INTERVAL_MS,
        exclusive: true,
        run: async (now) => {
          const r = await this.cityResults.pull(now);
          if (r.results) this.logger.info('[gov] city pull: %j', r);
        },
      });
    }
    this.logger.info('[gov] connectors: 12345 %s, city %s', this.hotline.enabled ? 'on' : 'off', this.city.enabled ? 'on' : 'off');
  }

  /** Per connector: configured or not, breaker state and rolling counts (for the health module). */
  statuses(): GovConnectorStatus[] {
    return [this.hotline.status(), this.city.status()];
  }
}
