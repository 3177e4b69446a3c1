import { meetingTypeLabels, type MeetingAttendeeVO } from '@zhili/shared';
import { optionsOf } from '../common/labels';

export const meetingTypeOptions = optionsOf(meetingTypeLabels);

/** An invitee's line in the attendance list: 已签到（扫码） / 请假（已批准） / 请假待审批 / 未签到. */
export function attendanceText(a: Pick<MeetingAttendeeVO, 'status' | 'method' | 'leaveStatus'>): string {
  if (a.status === 'present') return a.method === 'location' ? '已签到（定位）' : '已签到（扫码）';
  if (a.status === 'leave') return '请假（已批准）';
  if (a.leaveStatus === 'requested') return '请假待审批';
  if (a.leaveStatus === 'refused') return '未签到（请假未批准）';
  return '未签到';
}

export const attendanceTags = { present: 'success', leave: 'info', absent: 'warning' } as const;

/** `0.857` → `85.7%`; null (nobody expected) → `—`. */
export function rateText(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}
