import type { PartyAdmission } from '../admission/party-admission.entity';
import type { PartyMeeting } from '../meetings/party-meeting.entity';
import type { PartyMeetingAttendee } from '../meetings/party-meeting-attendee.entity';
import { progressOf } from './party-mp-home.service';
import { attendanceState, myMeetingOf } from './party-mp-meetings.service';

const T0 = Date.parse('2026-12-01T02:00:00.000Z');
const min = (m: number) => T0 + m * 60_000;

const meeting = {
  id: 'm1',
  orgId: 'o1',
  type: 'committee',
  startsAt: new Date(T0).toISOString(),
  endsAt: new Date(min(90)).toISOString(),
  place: '村委会',
  host: '王书记',
  topic: '研究本月工作',
} as PartyMeeting;

const row = (over: Partial<PartyMeetingAttendee> = {}) =>
  ({
    meetingId: 'm1',
    memberId: 'x',
    status: 'absent',
    checkedInAt: null,
    method: null,
    leaveReason: null,
    leaveStatus: null,
    ...over,
  }) as PartyMeetingAttendee;

describe('my attendance in one word', () => {
  it.each([
    [{}, 'invited'],
    [{ status: 'present' as const }, 'checked_in'],
    [{ leaveStatus: 'requested' as const }, 'leave_requested'],
    [{ status: 'leave' as const, leaveStatus: 'approved' as const }, 'leave_approved'],
    [{ leaveStatus: 'refused' as const }, 'leave_refused'],
  ])('%j → %s', (over, expected) => {
    expect(attendanceState(row(over))).toBe(expected);
  });
});

describe('what a member may do with a meeting, by time and attendance', () => {
  const flags = (at: number, over: Partial<PartyMeetingAttendee> = {}) => {
    const m = myMeetingOf(meeting, row(over), '幸福村党支部', at);
    return [m.phase, m.canCheckIn, m.canRequestLeave];
  };

  it('opens check-in 30 minutes before the start and closes it at the end', () => {
    expect(flags(min(-31))).toEqual(['upcoming', false, true]);
    expect(flags(min(-30))).toEqual(['upcoming', true, true]);
    expect(flags(min(10))).toEqual(['ongoing', true, true]);
    expect(flags(min(90))).toEqual(['ongoing', true, true]);
    expect(flags(min(91))).toEqual(['ended', false, false]);
  });

  it('settles a checked-in or excused member; a pending leave may still check in; a refused one may ask again', () => {
    expect(flags(min(10), { status: 'present' })).toEqual(['ongoing', false, false]);
    expect(flags(min(10), { status: 'leave', leaveStatus: 'approved' })).toEqual(['ongoing', false, false]);
    expect(flags(min(10), { leaveStatus: 'requested' })).toEqual(['ongoing', true, false]);
    expect(flags(min(10), { leaveStatus: 'refused' })).toEqual(['ongoing', true, true]);
  });
});

describe('my probation progress', () => {
  it('is null for a full member', () => {
    expect(progressOf({ category: 'full', joinedOn: '2001-07-01' }, null, '2026-12-01')).toBeNull();
  });

  it('reads a file recorded as 预备党员 as one year of probation from the join date', () => {
    expect(progressOf({ category: 'probationary', joinedOn: '2024-02-29' }, null, '2025-03-30')).toEqual({
      stage: 'probationary',
      admittedOn: '2024-02-29',
      probationEndsOn: '2025-02-28',
      postponedMonths: null,
      next: 'conversion_vote',
      nextFrom: '2025-02-28',
      nextBy: '2025-03-28',
      overdue: true,
    });
  });

  it('follows the admission record when there is one (a postponed probation)', () => {
    const admission = {
      stage: 'probationary',
      appliedOn: '2022-01-10',
      admittedOn: '2024-06-01',
      probationEndsOn: '2025-12-01',
      postponedMonths: 6,
    } as PartyAdmission;
    expect(progressOf({ category: 'probationary', joinedOn: '2024-06-01' }, admission, '2025-11-01')).toMatchObject({
      admittedOn: '2024-06-01',
      probationEndsOn: '2025-12-01',
      postponedMonths: 6,
      next: 'conversion_vote',
      nextFrom: '2025-12-01',
      nextBy: '2026-01-01',
      overdue: false,
    });
  });
});
