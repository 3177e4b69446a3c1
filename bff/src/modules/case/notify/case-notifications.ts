import { Init, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { OutboxService } from '../../../core/outbox';
import { CaseRealtimeNotifier } from './case-realtime.notifier';
import { CaseSubscribeSender } from './case-subscribe.sender';

/** Outbox topics of the case workflow delivered by this module. */
export const CaseNotifyTopics = {
  caseChanged: 'realtime.case',
  taskAssigned: 'realtime.task',
  subscribe: 'wechat.subscribe',
} as const;

/**
 * Registers the case notification handlers with the outbox at start-up (configuration.ts injects
 * this, so they are registered in every process, tests included, whether or not jobs run).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseNotifications {
  @Inject()
  private outbox!: OutboxService;

  @Inject()
  private realtimeNotifier!: CaseRealtimeNotifier;

  @Inject()
  private subscribeSender!: CaseSubscribeSender;

  @Init()
  init(): void {
    this.outbox.register(CaseNotifyTopics.caseChanged, (payload) => this.realtimeNotifier.caseChanged(payload));
    this.outbox.register(CaseNotifyTopics.taskAssigned, (payload) => this.realtimeNotifier.taskAssigned(payload));
    this.outbox.register(CaseNotifyTopics.subscribe, (payload) => this.subscribeSender.deliver(payload));
  }
}
