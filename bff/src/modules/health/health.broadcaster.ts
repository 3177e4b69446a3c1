import { Config, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { HealthEnv } from './health.config';
import { RealtimeService, Rooms } from '../../core/realtime/realtime.service';
import { HealthService } from './health.service';

/**
 * Pushes the health report (database/cache latency, uptime) to the 系统状态 page on connect and
 * then periodically — only to staff holding `system:status`: server internals are the system
 * administrator's business, not a town official's.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class HealthBroadcaster {
  @Inject()
  private realtime!: RealtimeService;

  @Inject()
  private health!: HealthService;

  @Config('zhili.modules.health')
  private env!: HealthEnv;

  private timer?: NodeJS.Timeout;

  start(): void {
    this.realtime.onConnect((socket) => {
      if (!socket.rooms.has(Rooms.systemStatus)) return;
      void this.health.report().then((report) => socket.emit('health', report));
    });
    this.timer = setInterval(() => {
      // Skip the probes when no one is watching.
      if (this.realtime.roomSize(Rooms.systemStatus) === 0) return;
      void this.health.report().then((report) => this.realtime.emitToRoom(Rooms.systemStatus, 'health', report));
    }, this.env.HEALTH_PUSH_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
