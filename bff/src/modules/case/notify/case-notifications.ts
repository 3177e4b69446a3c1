import { Init, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { AppError } from '../../../core/errors/app-error';
import { DomainEvents } from '../../../core/events';
import { WechatPushRouter, WechatPushService } from '../../wechat';
import { ContentSecurityService } from '../content';
import { CaseEventAppendedEvent } from '../index';
import { CaseRealtimeNotifier } from './case-realtime.notifier';
import { CaseSubscribeSender } from './case-subscribe.sender';

/**
 * Subscriber names of the case module's own consumers of `case.event_appended`. They are outbox
 * topics: renaming one needs a migration of pending rows (see 1764200100000-DomainEventTopics).
 */
export const CaseSubscriberNames = {
  caseChanged: 'case.realtime.changed',
  taskAssigned: 'case.realtime.task',
  subscribeMessage: 'wechat.subscribe.case',
} as const;

/** WeChat's push of an asynchronous image check result (消息推送, Event `wxa_media_check`). */
export const MEDIA_CHECK_PUSH_EVENT = 'wxa_media_check';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Registers the case module's subscribers at start-up (configuration.ts injects this, so they exist
 * in every process, tests included, whether or not jobs run): live updates, the reporter's subscribe
 * messages, and the handler of WeChat's image-check push.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseNotifications {
  @Inject()
  private events!: DomainEvents;

  @Inject()
  private wechatRouter!: WechatPushRouter;

  @Inject()
  private wechatPush!: WechatPushService;

  @Inject()
  private content!: ContentSecurityService;

  @Inject()
  private realtimeNotifier!: CaseRealtimeNotifier;

  @Inject()
  private subscribeSender!: CaseSubscribeSender;

  @Init()
  init(): void {
    this.events.subscribe(CaseEventAppendedEvent, {
      name: CaseSubscriberNames.caseChanged,
      handle: (event) => this.realtimeNotifier.caseChanged(event),
    });
    this.events.subscribe(CaseEventAppendedEvent, {
      name: CaseSubscriberNames.taskAssigned,
      when: (event) => event.type === 'dispatch' && event.assignee !== null,
      handle: (event) => this.realtimeNotifier.taskAssigned(event),
    });
    this.wechatRouter.route(CaseEventAppendedEvent, {
      name: CaseSubscriberNames.subscribeMessage,
      when: (event) => this.subscribeSender.wants(event),
      build: (event) => this.subscribeSender.build(event),
    });
    this.wechatPush.on(MEDIA_CHECK_PUSH_EVENT, (push) => this.onMediaCheck(push));
  }

  private async onMediaCheck(push: Record<string, unknown>): Promise<void> {
    const traceId = typeof push.trace_id === 'string' ? push.trace_id : '';
    const result = isObject(push.result) ? push.result : {};
    const label = result.label === undefined || result.label === null ? null : String(result.label);
    const known = await this.content.onMediaResult(traceId, String(result.suggest ?? ''), label);
    // Not (yet) ours: answer an error so WeChat retries; the check may still be being recorded.
    if (!known) throw new AppError('NOT_FOUND', `未知的 trace_id ${traceId.slice(0, 64)}`);
  }
}
