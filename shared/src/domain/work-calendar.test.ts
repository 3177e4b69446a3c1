import { addWorkingMinutes, caseDeadlines, isWorkingDay, shanghaiDate, workingMinutesBetween } from './work-calendar';
import type { WorkCalendar } from './work-calendar';

/** Shanghai wall-clock time → instant. */
const sh = (iso: string) => new Date(`${iso}+08:00`);
const plain: WorkCalendar = { days: {} };
// National Day 2026: Oct 1–7 off, Sat Oct 10 worked (调休).
const nationalDay: WorkCalendar = {
  days: {
    ...Object.fromEntries(['01', '02', '03', '04', '05', '06', '07'].map((d) => [`2026-10-${d}`, 'holiday' as const])),
    '2026-10-10': 'workday',
  },
};

describe('working days', () => {
  it('follows the week unless the calendar lists the date', () => {
    expect(isWorkingDay('2026-11-20', plain)).toBe(true); // Friday
    expect(isWorkingDay('2026-11-21', plain)).toBe(false); // Saturday
    expect(isWorkingDay('2026-10-01', nationalDay)).toBe(false); // Thursday, holiday
    expect(isWorkingDay('2026-10-10', nationalDay)).toBe(true); // Saturday, 调休
  });

  it('reads dates in Asia/Shanghai, not UTC', () => {
    expect(shanghaiDate(new Date('2026-11-20T17:00:00Z'))).toBe('2026-11-21');
  });
});

describe('addWorkingMinutes', () => {
  it('counts only office hours within one day', () => {
    expect(addWorkingMinutes(sh('2026-11-20T09:00'), 60, plain)).toEqual(sh('2026-11-20T10:00'));
    // 11:00 + 2 h: one hour before lunch, one after 13:30.
    expect(addWorkingMinutes(sh('2026-11-20T11:00'), 120, plain)).toEqual(sh('2026-11-20T14:30'));
  });

  it('starts the clock at the next period when submitted outside hours', () => {
    expect(addWorkingMinutes(sh('2026-11-20T20:00'), 30, plain)).toEqual(sh('2026-11-23T09:00')); // Fri night → Mon
    expect(addWorkingMinutes(sh('2026-11-23T07:00'), 30, plain)).toEqual(sh('2026-11-23T09:00'));
    expect(addWorkingMinutes(sh('2026-11-23T12:30'), 30, plain)).toEqual(sh('2026-11-23T14:00'));
  });

  it('skips weekends and holidays and works 调休 Saturdays', () => {
    // Wed Sep 30 16:30 + 8 working hours: 16:30–17:30 = 60 min, Oct 1–7 off, the remaining 420 min on Thu Oct 8: 08:30–12:00 (210) + 13:30–17:00 (210).
    expect(addWorkingMinutes(sh('2026-09-30T16:30'), 480, nationalDay)).toEqual(sh('2026-10-08T17:00'));
    // Fri Oct 9 17:00 + 60 min: 30 min Fri, then Sat Oct 10 is worked → 09:00 Saturday.
    expect(addWorkingMinutes(sh('2026-10-09T17:00'), 60, nationalDay)).toEqual(sh('2026-10-10T09:00'));
    // Without the calendar the same span ends on Thursday Oct 1.
    expect(addWorkingMinutes(sh('2026-09-30T16:30'), 480, plain)).toEqual(sh('2026-10-01T17:00'));
  });

  it('returns the start for zero minutes', () => {
    expect(addWorkingMinutes(sh('2026-11-20T09:00'), 0, plain)).toEqual(sh('2026-11-20T09:00'));
  });

  it('honours custom office hours', () => {
    const cal: WorkCalendar = { days: {}, periods: [['09:00', '17:00']] };
    expect(addWorkingMinutes(sh('2026-11-20T16:00'), 120, cal)).toEqual(sh('2026-11-23T10:00'));
  });
});

describe('workingMinutesBetween', () => {
  it('is the inverse of addWorkingMinutes', () => {
    const start = sh('2026-09-29T10:17');
    for (const minutes of [0, 1, 59, 210, 450, 451, 3000]) {
      expect(workingMinutesBetween(start, addWorkingMinutes(start, minutes, nationalDay), nationalDay)).toBeCloseTo(
        minutes,
        6,
      );
    }
  });

  it('is 0 when the end is not after the start, and ignores nights and weekends', () => {
    expect(workingMinutesBetween(sh('2026-11-20T10:00'), sh('2026-11-20T09:00'), plain)).toBe(0);
    expect(workingMinutesBetween(sh('2026-11-20T17:30'), sh('2026-11-23T08:30'), plain)).toBe(0);
  });
});

describe('caseDeadlines', () => {
  it('scales the SLA by priority and warns with a quarter left', () => {
    const at = sh('2026-11-23T08:30'); // Monday
    const normal = caseDeadlines(at, 8, 2, 'normal', plain);
    expect(normal.dueAt).toEqual(sh('2026-11-24T09:00')); // 7.5 h Monday + 30 min Tuesday
    expect(normal.acceptDueAt).toEqual(sh('2026-11-23T10:30'));
    expect(normal.warnAt).toEqual(sh('2026-11-23T16:00')); // 6 h: 3.5 h morning + 2.5 h from 13:30
    const urgent = caseDeadlines(at, 8, 2, 'urgent', plain);
    expect(urgent.dueAt).toEqual(sh('2026-11-23T10:30'));
    expect(urgent.acceptDueAt).toEqual(sh('2026-11-23T09:00'));
    const low = caseDeadlines(at, 8, 2, 'low', plain);
    expect(low.acceptDueAt).toEqual(sh('2026-11-23T10:30')); // never longer than the category's
  });
});
