import { Config, Init, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import { meetingTypeLabels } from '@zhili/shared';
import { subscribeThing, WechatPushRouter, type SubscribeMessage } from '../../wechat';
import type { PartyEnv } from '../party.config';
import { MeetingScheduledEvent, type MeetingScheduled } from './meeting-events';
import { PartyMeeting } from './party-meeting.entity';
import { MemberAccountService } from './member-account.service';

/** Outbox topic of the invitation push (renaming it needs a migration of pending rows). */
export const MEETING_INVITATION_TOPIC = 'wechat.subscribe.party_meeting';

const thing = subscribeThing;

/** Beijing wall time `YYYY-MM-DD HH:mm` (the `time` field's format). */
const beijingTime = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * The invitation subscribe message of a meeting, sent to invitees whose member file is linked to a
 * mini-program account. Without a configured template nothing is queued at all.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MeetingNotifications {
  @Inject()
  private wechatRouter!: WechatPushRouter;

  @Inject()
  private accounts!: MemberAccountService;

  @InjectDataSource()
  private dataSource!: DataSource;

  @Config('zhili.modules.party')
  private env!: Pick<PartyEnv, 'WECHAT_TMPL_PARTY_MEETING'>;

  @Init()
  init(): void {
    this.wechatRouter.route(MeetingScheduledEvent, {
      name: MEETING_INVITATION_TOPIC,
      when: () => !!this.env.WECHAT_TMPL_PARTY_MEETING,
      build: (event) => this.build(event),
    });
  }

  async build(event: MeetingScheduled): Promise<SubscribeMessage | null> {
    const templateId = this.env.WECHAT_TMPL_PARTY_MEETING;
    if (!templateId) return null;
    const meeting = await this.dataSource.getRepository(PartyMeeting).findOneBy({ id: event.meetingId });
    const openid = await this.accounts.openidOf(event.memberId);
    // A meeting removed, or a member without an account: nobody to tell.
    if (!meeting || !openid) return null;
    return {
      touser: openid,
      templateId,
      page: `party/pages/meeting/index?id=${meeting.id}`,
      data: {
        thing1: thing(`${meetingTypeLabels[meeting.type]}：${meeting.topic}`),
        time2: { value: beijingTime(meeting.startsAt) },
        thing3: thing(meeting.place),
      },
    };
  }
}
