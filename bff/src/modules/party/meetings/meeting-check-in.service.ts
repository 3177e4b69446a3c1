import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, Not } from 'typeorm';
import { checkInRefusal, type CheckInAttempt, type MeetingCheckInInput } from '@zhili/shared';
import { Acting, AuditActorService } from '../../../core/audit';
import { AppError } from '../../../core/errors/app-error';
import { DomainEvents } from '../../../core/events';
import { refused } from '../party-errors';
import { CheckInTokenService } from './check-in-token.service';
import { MeetingAttendedEvent, meetingAttendedKey } from './meeting-events';
import { PartyMeeting } from './party-meeting.entity';
import { PartyMeetingAttendee } from './party-meeting-attendee.entity';
import { MemberAccountService } from './member-account.service';

/**
 * A member checking in from the mini-program: by the host's QR (its signature and time box checked
 * here) or by location, then the shared `checkInRefusal` (invitation, window, duplicate, radius).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MeetingCheckInService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private tokens!: CheckInTokenService;

  @Inject()
  private audit!: AuditActorService;

  @Inject()
  private accounts!: MemberAccountService;

  @Inject()
  private events!: DomainEvents;

  async checkIn(
    acting: Acting,
    meetingId: string,
    input: MeetingCheckInInput,
    now: number = Date.now(),
  ): Promise<{ checkedInAt: string; method: 'qr' | 'location' }> {
    const memberId = (await this.accounts.memberOf(acting.actor.id)).id;
    const meeting = await this.dataSource.getRepository(PartyMeeting).findOneBy({ id: meetingId });
    if (!meeting) throw new AppError('NOT_FOUND', '会议不存在');
    if (input.method === 'qr') this.tokens.verify(meeting.id, input.token, now);
    const row = await this.dataSource.getRepository(PartyMeetingAttendee).findOneBy({ meetingId, memberId });
    const base = { at: now, invited: !!row, alreadyCheckedIn: row?.status === 'present' };
    const attempt: CheckInAttempt =
      input.method === 'qr'
        ? { method: 'qr', ...base }
        : { method: 'location', ...base, position: [input.lng, input.lat] };
    const place = meeting.lng !== null && meeting.lat !== null ? ([meeting.lng, meeting.lat] as const) : null;
    const refusal = checkInRefusal(
      {
        startsAt: Date.parse(meeting.startsAt),
        endsAt: Date.parse(meeting.endsAt),
        place: place ? [place[0], place[1]] : null,
        radiusM: meeting.radiusM,
      },
      attempt,
    );
    if (refusal) throw refused(refusal.code, refusal.message);
    const checkedInAt = new Date(now).toISOString();
    // Conditional on not yet present: of two simultaneous check-ins, the second finds nothing to update.
    // The attendance and its event (points in the party school) are written together.
    const affected = await this.dataSource.transaction(async (em) => {
      const result = await em
        .getRepository(PartyMeetingAttendee)
        .update(
          { meetingId, memberId, status: Not('present') },
          { status: 'present', checkedInAt, method: input.method },
        );
      if (result.affected)
        await this.events.append(
          em,
          MeetingAttendedEvent,
          { memberId, meetingId },
          meetingAttendedKey(meetingId, memberId),
        );
      return result.affected ?? 0;
    });
    if (!affected) throw refused('CHECKIN_DUPLICATE', '您已签到，无需重复签到');
    this.events.kick();
    await this.audit.record(acting, {
      action: 'party.meeting.check_in',
      resourceType: 'party_meeting',
      resourceId: meeting.id,
      result: 'success',
      detail: { memberId, method: input.method },
    });
    return { checkedInAt, method: input.method };
  }
}
