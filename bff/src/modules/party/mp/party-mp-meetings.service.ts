import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import { checkInDefaults } from '@zhili/shared';
import type { MyAttendanceState, MyMeetingDetailVO, MyMeetingsVO, MyMeetingVO } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import { MemberAccountService } from '../meetings/member-account.service';
import { PartyMeeting } from '../meetings/party-meeting.entity';
import { PartyMeetingAttendee } from '../meetings/party-meeting-attendee.entity';
import { PartyOrg } from '../org/party-org.entity';

/** How far back "recent" meetings go, and how many of them. */
const RECENT_DAYS = 180;
const RECENT_MAX = 30;
const UPCOMING_MAX = 50;

type Attendance = Pick<PartyMeetingAttendee, 'status' | 'leaveStatus'>;

/** My attendance in one word (an approved leave is status `leave`; a refused one expects me again). */
export function attendanceState(row: Attendance): MyAttendanceState {
  if (row.status === 'present') return 'checked_in';
  if (row.status === 'leave' || row.leaveStatus === 'approved') return 'leave_approved';
  if (row.leaveStatus === 'requested') return 'leave_requested';
  if (row.leaveStatus === 'refused') return 'leave_refused';
  return 'invited';
}

/** When check-in opens: the shared rule's minutes before the start. */
export function checkInOpensAt(meeting: Pick<PartyMeeting, 'startsAt'>): number {
  return Date.parse(meeting.startsAt) - checkInDefaults.opensMinutesBefore * 60_000;
}

/** My side of a meeting: its phase now and what I may do (the BFF's rules, sent as flags). */
export function myMeetingOf(
  meeting: PartyMeeting,
  row: PartyMeetingAttendee,
  orgName: string,
  now: number,
): MyMeetingVO {
  const starts = Date.parse(meeting.startsAt);
  const ends = Date.parse(meeting.endsAt);
  const phase = now > ends ? 'ended' : now >= starts ? 'ongoing' : 'upcoming';
  const attendance = attendanceState(row);
  const settled = attendance === 'checked_in' || attendance === 'leave_approved';
  return {
    id: meeting.id,
    orgName,
    type: meeting.type,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    place: meeting.place,
    host: meeting.host,
    topic: meeting.topic,
    phase,
    attendance,
    checkedInAt: row.checkedInAt,
    checkInMethod: row.method,
    leaveReason: row.leaveReason,
    canCheckIn: !settled && now >= checkInOpensAt(meeting) && now <= ends,
    canRequestLeave: !settled && attendance !== 'leave_requested' && now <= ends,
  };
}

/**
 * The meetings a member is invited to, as the mini-program lists them. A meeting the member is not
 * invited to does not exist for them (404), whichever branch it belongs to.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PartyMpMeetingsService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private accounts!: MemberAccountService;

  async list(mpUserId: string, now: Date = new Date()): Promise<MyMeetingsVO> {
    const member = await this.accounts.memberOf(mpUserId);
    const nowIso = now.toISOString();
    const since = new Date(now.getTime() - RECENT_DAYS * 86_400_000).toISOString();
    const base = () =>
      this.dataSource
        .getRepository(PartyMeeting)
        .createQueryBuilder('m')
        .innerJoin(PartyMeetingAttendee, 'a', 'a.meeting_id = m.id AND a.member_id = :memberId', {
          memberId: member.id,
        });
    const [upcoming, recent] = await Promise.all([
      base().where('m.ends_at > :now', { now: nowIso }).orderBy('m.startsAt', 'ASC').take(UPCOMING_MAX).getMany(),
      base()
        .where('m.ends_at <= :now', { now: nowIso })
        .andWhere('m.ends_at >= :since', { since })
        .orderBy('m.startsAt', 'DESC')
        .take(RECENT_MAX)
        .getMany(),
    ]);
    const all = [...upcoming, ...recent];
    if (all.length === 0) return { upcoming: [], recent: [] };
    const [rows, orgs] = await Promise.all([
      this.dataSource
        .getRepository(PartyMeetingAttendee)
        .findBy({ memberId: member.id, meetingId: In(all.map((m) => m.id)) }),
      this.orgNames(all.map((m) => m.orgId)),
    ]);
    const byMeeting = new Map(rows.map((r) => [r.meetingId, r]));
    const shape = (list: PartyMeeting[]) =>
      list.flatMap((m) => {
        const row = byMeeting.get(m.id);
        return row ? [myMeetingOf(m, row, orgs.get(m.orgId) ?? '', now.getTime())] : [];
      });
    return { upcoming: shape(upcoming), recent: shape(recent) };
  }

  async detail(mpUserId: string, id: string, now: Date = new Date()): Promise<MyMeetingDetailVO> {
    const member = await this.accounts.memberOf(mpUserId);
    const [meeting, row] = await Promise.all([
      this.dataSource.getRepository(PartyMeeting).findOneBy({ id }),
      this.dataSource.getRepository(PartyMeetingAttendee).findOneBy({ meetingId: id, memberId: member.id }),
    ]);
    if (!meeting || !row) throw new AppError('NOT_FOUND', '会议不存在或您不在参会名单中');
    const orgs = await this.orgNames([meeting.orgId]);
    const located = meeting.lng !== null && meeting.lat !== null;
    return {
      ...myMeetingOf(meeting, row, orgs.get(meeting.orgId) ?? '', now.getTime()),
      minutes: meeting.minutes,
      locationCheckIn: located,
      radiusM: located ? (meeting.radiusM ?? checkInDefaults.radiusM) : null,
      checkInOpensAt: new Date(checkInOpensAt(meeting)).toISOString(),
    };
  }

  private async orgNames(ids: readonly string[]): Promise<Map<string, string>> {
    const orgs = await this.dataSource
      .getRepository(PartyOrg)
      .find({ where: { id: In([...new Set(ids)]) }, select: { id: true, name: true } });
    return new Map(orgs.map((o) => [o.id, o.name]));
  }
}
