import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import type { MeetingCreateInput, MeetingDetailVO } from '@zhili/shared';
import { Acting, AuditActorService } from '../../../core/audit';
import { DomainEvents } from '../../../core/events';
import { AppError } from '../../../core/errors/app-error';
import { MpUser } from '../../mp-user';
import { todayInShanghai } from '../../registry';
import { MemberQueryService } from '../members/member-query.service';
import { PartyMember } from '../members/party-member.entity';
import { OrgQueryService } from '../org/org-query.service';
import { invalid } from '../party-errors';
import { PartyScopeService } from '../scope/party-scope.service';
import { CheckInTokenService } from './check-in-token.service';
import { MeetingScheduledEvent, meetingScheduledKey } from './meeting-events';
import { MeetingQueryService } from './meeting-query.service';
import { MeetingViewsService } from './meeting-views.service';
import { PartyMeeting } from './party-meeting.entity';
import { PartyMeetingAttendee } from './party-meeting-attendee.entity';
import { PartyMemberAccount } from './party-member-account.entity';

/** Scheduling meetings, the host's QR, and linking a member file to a mini-program account. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MeetingCommandService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private scopes!: PartyScopeService;

  @Inject()
  private orgs!: OrgQueryService;

  @Inject()
  private members!: MemberQueryService;

  @Inject()
  private query!: MeetingQueryService;

  @Inject()
  private views!: MeetingViewsService;

  @Inject()
  private tokens!: CheckInTokenService;

  @Inject()
  private audit!: AuditActorService;

  @Inject()
  private events!: DomainEvents;

  /**
   * Invites the branch's active members as they are now; the list stays with the meeting. Each
   * invitation is a `party.meeting_scheduled` event in the same transaction (the WeChat push).
   */
  async create(acting: Acting, input: MeetingCreateInput): Promise<MeetingDetailVO> {
    const scope = await this.scopes.scopeOf(acting.actor);
    const org = await this.orgs.memberOrg(scope, input.orgId, 'orgId');
    const startsAt = new Date(input.startsAt);
    const meeting = this.dataSource.getRepository(PartyMeeting).create({
      id: randomUUID(),
      orgId: org.id,
      orgPath: org.path,
      type: input.type,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(input.endsAt).toISOString(),
      heldOn: todayInShanghai(startsAt),
      place: input.place,
      lng: input.lng ?? null,
      lat: input.lat ?? null,
      radiusM: input.radiusM ?? null,
      host: input.host,
      topic: input.topic,
      minutes: input.minutes || null,
      actorId: acting.actor.id,
    });
    await this.dataSource.transaction(async (em) => {
      await em.getRepository(PartyMeeting).insert(meeting);
      const invitees = await em.getRepository(PartyMember).findBy({ orgId: org.id, status: 'active' });
      if (invitees.length > 0)
        await em.getRepository(PartyMeetingAttendee).insert(
          invitees.map((m) => ({
            meetingId: meeting.id,
            memberId: m.id,
            status: 'absent' as const,
            checkedInAt: null,
            method: null,
            leaveReason: null,
            leaveStatus: null,
          })),
        );
      for (const m of invitees)
        await this.events.append(
          em,
          MeetingScheduledEvent,
          { meetingId: meeting.id, memberId: m.id },
          meetingScheduledKey(meeting.id, m.id),
        );
    });
    this.events.kick();
    await this.audit.record(acting, {
      action: 'party.meeting.create',
      resourceType: 'party_meeting',
      resourceId: meeting.id,
      result: 'success',
      detail: { orgId: org.id, type: meeting.type, startsAt: meeting.startsAt },
    });
    return this.views.detail(meeting);
  }

  async checkInToken(acting: Acting, id: string): Promise<{ token: string; expiresAt: string }> {
    const scope = await this.scopes.scopeOf(acting.actor);
    const meeting = await this.query.getInScope(scope, id);
    return this.tokens.issue(meeting.id);
  }

  /** One account per member and one member per account: a new link replaces the member's old one. */
  async linkAccount(acting: Acting, memberId: string, mpUserId: string): Promise<void> {
    const scope = await this.scopes.scopeOf(acting.actor);
    const member = await this.members.getInScope(scope, memberId);
    const user = await this.dataSource
      .getRepository(MpUser)
      .findOne({ where: { id: mpUserId }, select: { id: true, roles: true } });
    if (!user) throw invalid('mpUserId', '小程序用户不存在');
    // The role comes from a party member binding code; the link only says which file is theirs.
    if (!user.roles.includes('party_member')) throw invalid('mpUserId', '该用户尚未通过绑定码取得党员身份');
    await this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(PartyMemberAccount);
      const taken = await repo.findOneBy({ mpUserId });
      if (taken && taken.memberId !== member.id)
        throw new AppError('CONFLICT', '该小程序账号已关联其他党员', [
          { field: 'mpUserId', message: '已关联其他党员' },
        ]);
      await repo.delete({ memberId: member.id });
      await repo.insert({ memberId: member.id, mpUserId });
    });
    await this.audit.record(acting, {
      action: 'party.member.link_account',
      resourceType: 'party_member',
      resourceId: member.id,
      result: 'success',
      detail: { mpUserId },
    });
  }
}
