import { Autoload, Config, ILogger, Init, Inject, Logger, Scope, ScopeEnum } from '@midwayjs/core';
import type { GovEnv } from './gov.config';
import { JobRunner } from '../../core/jobs';
import { DomainEvents } from '../../core/events';
import { CaseEventAppendedEvent } from '../case';
import type { GovConnectorStatus } from './core/gov-adapter';
import { CityEscalationService } from './city/city-escalation.service';
import { CityPlatformConnector } from './city/city-platform.connector';
import { CityResultsService } from './city/city-results.service';
import { Hotline12345Connector } from './hotline/hotline-12345.connector';
import { HotlineOrderReceivedEvent } from './hotline/hotline-events';
import { HotlineInboundService } from './hotline/hotline-inbound.service';
import { HotlineOutboundService } from './hotline/hotline-outbound.service';
import { HOTLINE_CONNECTOR } from './hotline/hotline.types';

export const GOV_JOBS = { hotlinePull: 'gov.hotline12345.pull', cityPull: 'gov.city.pull' } as const;
/** Event subscriber names (= outbox topics) of the connectors; renaming one needs a migration. */
export const GOV_SUBSCRIBERS = {
  hotlineStatus: 'gov.hotline.status',
  hotlineAck: 'gov.hotline.ack',
  cityEscalate: 'gov.city.escalate',
} as const;

/**
 * Wires the configured connectors into the process at start-up (`@Autoload`): their pull jobs on the
 * `JobRunner` (exclusive: one node pulls) and their event subscribers. A connector that is not
 * configured registers no job and its subscribers paused: their rows are written and wait (pending,
 * no attempts spent) until it is.
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
  private events!: DomainEvents;

  @Config('zhili.modules.gov')
  private env!: GovEnv;

  @Logger()
  private logger!: ILogger;

  @Init()
  init(): void {
    this.subscribe();
    if (this.hotline.enabled) {
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
    this.logger.info(
      '[gov] connectors: 12345 %s, city %s',
      this.hotline.enabled ? 'on' : 'off',
      this.city.enabled ? 'on' : 'off',
    );
  }

  /** Status steps of 12345 cases go back to the platform; escalations to the city go to the city. */
  private subscribe(): void {
    this.events.subscribe(CaseEventAppendedEvent, {
      name: GOV_SUBSCRIBERS.hotlineStatus,
      when: (event) => event.externalSystem === HOTLINE_CONNECTOR && event.statusChanged,
      handle: (event) => this.hotlineOutbound.deliverStatus({ caseId: event.caseId, seq: event.seq }),
      paused: !this.hotline.enabled,
    });
    this.events.subscribe(HotlineOrderReceivedEvent, {
      name: GOV_SUBSCRIBERS.hotlineAck,
      handle: (order) => this.hotlineOutbound.deliverAck({ caseId: order.caseId }),
      paused: !this.hotline.enabled,
    });
    this.events.subscribe(CaseEventAppendedEvent, {
      name: GOV_SUBSCRIBERS.cityEscalate,
      when: (event) => event.type === 'escalate' && event.level === 'city',
      handle: (event) => this.cityEscalation.deliver({ caseId: event.caseId, seq: event.seq }),
      paused: !this.city.enabled,
    });
  }

  /** Per connector: configured or not, breaker state and rolling counts (for the health module). */
  statuses(): GovConnectorStatus[] {
    return [this.hotline.status(), this.city.status()];
  }
}
