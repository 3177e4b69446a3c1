import { Config, Init, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { z } from '@zhili/shared';
import { defineDomainEvent } from '../../../core/events';
import { MemberAccountService } from '../../party';
import { subscribeThing, WechatPushRouter, type SubscribeMessage } from '../../wechat';

/**
 * `dues.reminder`: a member in arrears was reminded (by a secretary or the monthly job), appended in
 * the transaction that records the reminder; the WeChat push router turns it into a subscribe message.
 */
export const DuesReminderEvent = defineDomainEvent(
  'dues.reminder',
  z.object({
    reminderId: z.string().min(1),
    memberId: z.string().min(1),
    streak: z.number().int(),
    outstandingFen: z.number().int(),
  }),
);
export type DuesReminderPayload = z.infer<typeof DuesReminderEvent.schema>;

/** Outbox topic of the reminder push (renaming it needs a migration of pending rows). */
export const DUES_REMINDER_TOPIC = 'wechat.subscribe.dues_reminder';

const thing = subscribeThing;

/**
 * The reminder's subscribe message (template `WECHAT_TMPL_DUES_REMINDER`, keywords thing1 事项,
 * character_string2 欠缴金额（元，ASCII only）, thing3 温馨提示): what it is about, the amount outstanding, how many
 * months; it opens the member's dues screen.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class DuesReminderPush {
  @Inject()
  private wechatRouter!: WechatPushRouter;

  @Inject()
  private accounts!: MemberAccountService;

  @Config('zhili.modules.dues')
  private env!: { WECHAT_TMPL_DUES_REMINDER?: string };

  get enabled(): boolean {
    return !!this.env.WECHAT_TMPL_DUES_REMINDER;
  }

  @Init()
  init(): void {
    this.wechatRouter.route(DuesReminderEvent, {
      name: DUES_REMINDER_TOPIC,
      when: () => this.enabled,
      build: (event) => this.build(event),
    });
  }

  async build(event: DuesReminderPayload): Promise<SubscribeMessage | null> {
    const templateId = this.env.WECHAT_TMPL_DUES_REMINDER;
    if (!templateId) return null;
    const openid = await this.accounts.openidOf(event.memberId);
    if (!openid) return null;
    return {
      touser: openid,
      templateId,
      page: 'party/pages/dues/index',
      data: {
        thing1: thing('党费交纳提醒'),
        // character_string takes digits, letters and symbols only: no 元.
        character_string2: { value: (event.outstandingFen / 100).toFixed(2) },
        thing3: thing(`已连续${event.streak}个月未交纳党费，请尽快交纳`),
      },
    };
  }
}
