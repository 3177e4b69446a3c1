import { Config, Init, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import { meetingTypeLabels } from '@zhili/shared';
import { MpUser } from '../../mp-user';
import { WechatPushRouter, type SubscribeMessage } from '../../wechat';
import type { PartyEnv } from '../party.config';
import { MeetingScheduledEvent, type MeetingScheduled } from './meeting-events';
import { PartyMeeting } from './party-meeting.entity';
import { PartyMemberAccount } from './party-member-account.entity';

/** Outbox topic of the invitation push (renaming it needs a migration of pending rows). */
export const MEETING_INVITATION_TOPIC = 'wechat.subscribe.party_meeting';

/** WeChat's `thing` fields take at most 20 characters. */
const thing = (text: string) => ({ value: Array.from(text).slice(0, 20).join('') });

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
    const link = await this.dataSource.getRepository(PartyMemberAccount).findOneBy({ memberId: event.memberId });
    // A meeting removed, or a member without an account: nobody to tell.
    if (!meeting || !link) return null;
    const user = await this.dataSource
      .getRepository(MpUser)
      .findOne({ where: { id: link.mpUserId }, select: { id: true, openid: true } });
    if (!user) return null;
    return {
      touser: user.openid,
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
