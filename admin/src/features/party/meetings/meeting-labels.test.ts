import { describe, expect, it } from 'vitest';
import { attendanceText, rateText } from './meeting-labels';

describe('meeting labels', () => {
  it('says how each invitee stands', () => {
    expect(attendanceText({ status: 'present', method: 'qr', leaveStatus: null })).toBe('已签到（扫码）');
    expect(attendanceText({ status: 'present', method: 'location', leaveStatus: 'refused' })).toBe('已签到（定位）');
    expect(attendanceText({ status: 'leave', method: null, leaveStatus: 'approved' })).toBe('请假（已批准）');
    expect(attendanceText({ status: 'absent', method: null, leaveStatus: 'requested' })).toBe('请假待审批');
    expect(attendanceText({ status: 'absent', method: null, leaveStatus: 'refused' })).toBe('未签到（请假未批准）');
    expect(attendanceText({ status: 'absent', method: null, leaveStatus: null })).toBe('未签到');
  });

  it('shows the attendance rate as a percentage with one decimal', () => {
    expect(rateText(1)).toBe('100%');
    expect(rateText(0.857)).toBe('85.7%');
    expect(rateText(0)).toBe('0%');
    expect(rateText(null)).toBe('—');
  });
});
