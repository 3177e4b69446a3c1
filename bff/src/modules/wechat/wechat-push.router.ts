import { Config, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { WechatEnv } from './wechat.config';
import { DomainEvents } from '../../core/events';
import type { DomainEventDef } from '../../core/events';
import { PermanentDeliveryError } from '../../core/outbox';
import type { SubscribeMessageInput } from './wechat-content.types';
import { SUBSCRIBE_REFUSED_ERRCODE, WechatApiError } from './wechat.errors';
import { WechatClient } from './wechat.client';

/**
 * WeChat errcodes after which sending the same message again cannot succeed: 43101 the user has no
 * subscription quota (left), 40003 bad openid, 40037 bad template id, 47003 data refused.
 */
const PERMANENT_ERRCODES = new Set([SUBSCRIBE_REFUSED_ERRCODE, 40003, 40037, 47003]);

/** A subscribe message ready to send; the mini-program state comes from the environment. */
export type SubscribeMessage = Omit<SubscribeMessageInput, 'miniprogramState'>;

/** How one module turns one domain event into a subscribe message. */
export interface SubscribeMessageRoute<P extends object> {
  /** The event subscriber's name (its outbox topic), e.g. `wechat.subscribe.case`. */
  name: string;
  /** Cheap append-time check (see `EventSubscriber.when`): false = no message will be wanted. */
  when?: (payload: P) => boolean;
  /**
   * Builds the message at delivery, reading current state (recipient's openid, template id, the
   * fields fitted to WeChat's length rules); null = nothing (left) to say. Throws
   * `PermanentDeliveryError` when it can never be built.
   */
  build: (payload: P) => Promise<SubscribeMessage | null>;
}

/**
 * The outbound side of WeChat messaging as a router by event type: modules register "for event X,
 * this subscribe message"; sending and the meaning of WeChat's errcodes live here once, so the
 * WeChat module knows no domain module and a new notice never edits the event's producer.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class WechatPushRouter {
  @Inject()
  private events!: DomainEvents;

  @Inject()
  private wechat!: WechatClient;

  @Config('zhili.modules.wechat')
  private env!: WechatEnv;

  /** Subscribes `route` to `event`: each matching event is one outbox row, delivered and retried alone. */
  route<P extends object>(event: DomainEventDef<P>, route: SubscribeMessageRoute<P>): void {
    this.events.subscribe(event, {
      name: route.name,
      when: route.when,
      handle: (payload) => this.send(route, payload),
    });
  }

  private async send<P extends object>(route: SubscribeMessageRoute<P>, payload: P): Promise<void> {
    const message = await route.build(payload);
    if (!message) return;
    try {
      await this.wechat.sendSubscribeMessage({ ...message, miniprogramState: this.env.WECHAT_MP_STATE });
    } catch (err) {
      if (err instanceof WechatApiError && err.errcode !== null && PERMANENT_ERRCODES.has(err.errcode)) {
        throw new PermanentDeliveryError(`WeChat errcode ${err.errcode}: ${err.errmsg}`);
      }
      throw err;
    }
  }
}

/** A `thing` field of a subscribe message: WeChat takes at most 20 characters. */
export const subscribeThing = (text: string) => ({ value: Array.from(text).slice(0, 20).join('') });
