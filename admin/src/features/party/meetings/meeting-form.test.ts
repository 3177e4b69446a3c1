import { describe, expect, it } from 'vitest';
import { beijingText, emptyMeetingForm, endsAfterStart, fromBeijingText, meetingCreateBody } from './meeting-form';

describe('meeting create form', () => {
  /** 14:25:31 in Beijing. */
  const now = new Date('2026-12-06T06:25:31Z');

  it('reads and writes Beijing wall-clock times whatever the browser zone', () => {
    expect(beijingText(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01 00:30');
    expect(fromBeijingText('2027-01-01 00:30')).toBe('2026-12-31T16:30:00.000Z');
    expect(fromBeijingText('2027-01-01')).toBeNull();
    expect(fromBeijingText('')).toBeNull();
  });

  it('starts at the next full hour and lasts an hour and a half', () => {
    const form = emptyMeetingForm(now, 'org-1');
    expect(form.startsAt).toBe('2026-12-06 15:00');
    expect(form.endsAt).toBe('2026-12-06 16:30');
    expect(form).toMatchObject({ orgId: 'org-1', type: '', byLocation: false, radiusM: 200 });
  });

  it('checks that the end is after the start', () => {
    const form = emptyMeetingForm(now);
    expect(endsAfterStart(form)).toBe(true);
    expect(endsAfterStart({ startsAt: form.endsAt, endsAt: form.startsAt })).toBe(false);
    expect(endsAfterStart({ startsAt: form.startsAt, endsAt: form.startsAt })).toBe(false);
    expect(endsAfterStart({ startsAt: '', endsAt: form.startsAt })).toBe(true);
  });

  it('sends UTC times, trimmed text and coordinates only with location check-in', () => {
    const form = { ...emptyMeetingForm(now, 'org-1'), type: 'committee' as const, place: ' 村委会 ', host: '王书记 ' };
    form.topic = ' 研究本月工作';
    form.lng = 120.1;
    form.lat = 30.2;
    expect(meetingCreateBody(form)).toEqual({
      orgId: 'org-1',
      type: 'committee',
      startsAt: '2026-12-06T07:00:00.000Z',
      endsAt: '2026-12-06T08:30:00.000Z',
      place: '村委会',
      host: '王书记',
      topic: '研究本月工作',
      lng: null,
      lat: null,
      radiusM: null,
    });
    expect(meetingCreateBody({ ...form, byLocation: true, radiusM: 300 })).toMatchObject({
      lng: 120.1,
      lat: 30.2,
      radiusM: 300,
    });
    expect(meetingCreateBody({ ...form, byLocation: true, lat: null })).toMatchObject({ lng: null, radiusM: null });
  });

  it('refuses to build a body from a form that did not pass its rules', () => {
    expect(() => meetingCreateBody(emptyMeetingForm(now))).toThrow();
  });
});
