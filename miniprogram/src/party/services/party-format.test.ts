import type { MyPartyProgressVO } from '@zhili/shared/client';
import {
  attendanceText,
  badgeText,
  formatMeetingSpan,
  formatPartyTime,
  pageIdFrom,
  meetingTitle,
  progressLines,
} from './party-format';

const progress: MyPartyProgressVO = {
  stage: 'probationary',
  admittedOn: '2026-03-01',
  probationEndsOn: '2027-03-01',
  postponedMonths: null,
  next: 'conversion_vote',
  nextFrom: '2027-03-01',
  nextBy: '2027-04-01',
  overdue: false,
};

describe('party page formatting', () => {
  it('shows times in Beijing time, a same-day meeting as one date with two times', () => {
    expect(formatPartyTime('2026-11-22T16:30:00.000Z')).toBe('2026-11-23 00:30');
    expect(formatMeetingSpan('2026-11-22T02:00:00.000Z', '2026-11-22T03:30:00.000Z')).toBe('2026-11-22 10:00–11:30');
    expect(formatMeetingSpan('2026-11-22T14:00:00.000Z', '2026-11-22T17:00:00.000Z')).toBe(
      '2026-11-22 22:00 至 2026-11-23 01:00',
    );
  });

  it('calls an ended meeting I did not attend 未签到, and keeps the other states', () => {
    expect(attendanceText({ phase: 'ended', attendance: 'invited' })).toBe('未签到');
    expect(attendanceText({ phase: 'ended', attendance: 'leave_refused' })).toBe('未签到');
    expect(attendanceText({ phase: 'ended', attendance: 'leave_approved' })).toBe('已准假');
    expect(attendanceText({ phase: 'ongoing', attendance: 'invited' })).toBe('待参加');
    expect(attendanceText({ phase: 'upcoming', attendance: 'leave_requested' })).toBe('请假待审批');
  });

  it('names a meeting by its type and topic', () => {
    expect(meetingTitle({ type: 'lecture', topic: '学习党章' })).toBe('党课：学习党章');
  });

  it('says the probation and the next step in words, with the postponement and an overdue warning', () => {
    expect(progressLines(progress)).toEqual([
      '当前阶段：预备党员',
      '接收为预备党员：2026-03-01',
      '预备期满：2027-03-01',
      '下一步：支部大会讨论转正，2027-03-01 至 2027-04-01 办理',
    ]);
    expect(progressLines({ ...progress, postponedMonths: 6, probationEndsOn: '2027-09-01', overdue: true })).toEqual([
      '当前阶段：预备党员',
      '接收为预备党员：2026-03-01',
      '预备期满：2027-09-01（已延长 6 个月）',
      '下一步：支部大会讨论转正，2027-03-01 至 2027-04-01 办理',
      '已超过办理期限，请联系支部书记',
    ]);
    expect(progressLines({ ...progress, next: null, nextFrom: null, nextBy: null })).toHaveLength(3);
  });

  it('caps badges at 99+ and shows none for zero', () => {
    expect([badgeText(0), badgeText(7), badgeText(99), badgeText(100)]).toEqual([null, '7', '99', '99+']);
  });

  it('reads the id of a page link (a push opens the meeting page with it), and nothing from a blank one', () => {
    expect(pageIdFrom({ id: 'abc-1' })).toBe('abc-1');
    expect(pageIdFrom({ id: '  ' })).toBeNull();
    expect(pageIdFrom({})).toBeNull();
  });
});
