import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import type { MeetingDetailVO } from '@zhili/shared';
import { Acting, AuditActorService } from '../../../core/audit';
import { AppError } from '../../../core/errors/app-error';
import { refused } from '../party-errors';
import { PartyScopeService } from '../scope/party-scope.service';
import { MemberAccountService } from './member-account.service';
import { MeetingQueryService } from './meeting-query.service';
import { MeetingViewsService } from './meeting-views.service';
import { PartyMeeting } from './party-meeting.entity';
import { PartyMeetingAttendee } from './party-meeting-attendee.entity';

/**
 * Leave (请假): an invitee asks before the meeting ends and before checking in; party staff approve or
 * refuse. An approved leave takes the member out of the expected count of the attendance rate.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MeetingLeaveService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private accounts!: MemberAccountService;

  @Inject()
  private scopes!: PartyScopeService;

  @Inject()
  private query!: MeetingQueryService;

  @Inject()
  private views!: MeetingViewsService;

  @Inject()
  private audit!: AuditActorService;

  async request(acting: Acting, meetingId: string, reason: string, now: number = Date.now()): Promise<void> {
    const member = await this.accounts.memberOf(acting.actor.id);
    const meeting = await this.dataSource.getRepository(PartyMeeting).findOneBy({ id: meetingId });
    const row =
      meeting &&
      (await this.dataSource.getRepository(PartyMeetingAttendee).findOneBy({ meetingId, memberId: member.id }));
    if (!meeting || !row) throw new AppError('NOT_FOUND', '会议不存在或您不在参会名单中');
    if (now > Date.parse(meeting.endsAt)) throw refused('LEAVE_CLOSED', '会议已结束，不能再请假');
    if (row.status === 'present') throw refused('LEAVE_PRESENT', '您已签到，无需请假');
    await this.dataSource
      .getRepository(PartyMeetingAttendee)
      .update({ meetingId, memberId: member.id }, { leaveStatus: 'requested', leaveReason: reason, status: 'absent' });
    await this.record(acting, meetingId, { memberId: member.id, leave: 'requested' });
  }

  async decide(acting: Acting, meetingId: string, memberId: string, approve: boolean): Promise<MeetingDetailVO> {
    const meeting = await this.query.getInScope(await this.scopes.scopeOf(acting.actor), meetingId);
    const repo = this.dataSource.getRepository(PartyMeetingAttendee);
    const row = await repo.findOneBy({ meetingId, memberId });
    if (!row) throw new AppError('NOT_FOUND', '该党员不在参会名单中');
    if (row.leaveStatus !== 'requested') throw refused('LEAVE_NOT_REQUESTED', '该党员没有待审批的请假');
    await repo.update(
      { meetingId, memberId },
      { leaveStatus: approve ? 'approved' : 'refused', status: approve ? 'leave' : 'absent' },
    );
    await this.record(acting, meetingId, { memberId, leave: approve ? 'approved' : 'refused' });
    return this.views.detail(meeting);
  }

  private async record(acting: Acting, meetingId: string, detail: Record<string, string>) {
    await this.audit.record(acting, {
      action: 'party.meeting.leave',
      resourceType: 'party_meeting',
      resourceId: meetingId,
      result: 'success',
      detail,
    });
  }
}
