import {
  checkInRefusal,
  defaultMeetingRequirements,
  distanceM,
  meetingCompliance,
  meetingPeriodBounds,
  meetingPeriodOf,
  type CheckInWindow,
} from './party-meetings';

describe('meeting periods', () => {
  it.each([
    ['2026-03-31', 'month', '2026-03'],
    ['2026-03-31', 'quarter', '2026-Q1'],
    ['2026-04-01', 'quarter', '2026-Q2'],
    ['2026-12-31', 'quarter', '2026-Q4'],
    ['2026-12-31', 'year', '2026'],
  ] as const)('%s by %s is %s', (date, cadence, period) => {
    expect(meetingPeriodOf(date, cadence)).toBe(period);
  });

  it.each([
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2026-Q3', '2026-07-01', '2026-09-30'],
    ['2026-Q4', '2026-10-01', '2026-12-31'],
    ['2026', '2026-01-01', '2026-12-31'],
  ])('%s runs from %s to %s', (period, first, last) => {
    expect(meetingPeriodBounds(period)).toEqual({ first, last });
  });
});

describe('which required meetings are missing', () => {
  const held = [
    { type: 'branch_general' as const, on: '2026-02-10' },
    { type: 'committee' as const, on: '2026-01-05' },
    { type: 'committee' as const, on: '2026-03-05' },
    { type: 'lecture' as const, on: '2026-05-20' },
    // Outside the window: not counted.
    { type: 'committee' as const, on: '2025-12-30' },
  ];
  const rows = meetingCompliance(defaultMeetingRequirements, held, '2026-01-01', '2026-04-15');
  const statusOf = (type: string, period: string) => rows.find((r) => r.type === type && r.period === period)?.status;

  it('a period with the meeting is held, a finished one without is missing, the running one is due', () => {
    expect(statusOf('committee', '2026-01')).toBe('held');
    expect(statusOf('committee', '2026-02')).toBe('missing');
    expect(statusOf('committee', '2026-03')).toBe('held');
    expect(statusOf('committee', '2026-04')).toBe('due');
    expect(statusOf('branch_general', '2026-Q1')).toBe('held');
    expect(statusOf('branch_general', '2026-Q2')).toBe('due');
    expect(statusOf('lecture', '2026-Q1')).toBe('missing');
  });

  it('meetings after asOf do not count, and no period after asOf is listed', () => {
    expect(statusOf('lecture', '2026-Q2')).toBe('due');
    expect(rows.some((r) => r.period > '2026-04' && !r.period.includes('Q'))).toBe(false);
  });

  it('lists every period of every required type', () => {
    expect(rows.filter((r) => r.type === 'group').map((r) => r.period)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
    ]);
    expect(rows).toHaveLength(4 + 4 + 2 + 2);
  });

  it('the last day of a period still counts as running', () => {
    const onLastDay = meetingCompliance([{ type: 'committee', cadence: 'month' }], [], '2026-03-01', '2026-03-31');
    expect(onLastDay).toEqual([{ type: 'committee', period: '2026-03', required: 1, held: 0, status: 'due' }]);
  });

  it('a requirement of two per period needs two', () => {
    const twice = meetingCompliance(
      [{ type: 'theme_day', cadence: 'quarter', timesPerPeriod: 2 }],
      [{ type: 'theme_day', on: '2025-11-01' }],
      '2025-10-01',
      '2026-01-10',
    );
    expect(twice.map((r) => [r.period, r.held, r.status])).toEqual([
      ['2025-Q4', 1, 'missing'],
      ['2026-Q1', 0, 'due'],
    ]);
  });
});

describe('check-in', () => {
  const startsAt = Date.UTC(2026, 11, 6, 6, 0);
  const endsAt = startsAt + 2 * 3600_000;
  const hall: [number, number] = [120.1, 30.2];
  const meeting: CheckInWindow = { startsAt, endsAt, place: hall, radiusM: 200 };
  const base = { invited: true, alreadyCheckedIn: false };
  const minutes = (n: number) => n * 60_000;

  it('opens 30 minutes before the start and closes at the end', () => {
    expect(checkInRefusal(meeting, { ...base, method: 'qr', at: startsAt - minutes(31) })?.code).toBe(
      'CHECKIN_NOT_OPEN',
    );
    expect(checkInRefusal(meeting, { ...base, method: 'qr', at: startsAt - minutes(30) })).toBeNull();
    expect(checkInRefusal(meeting, { ...base, method: 'qr', at: endsAt })).toBeNull();
    expect(checkInRefusal(meeting, { ...base, method: 'qr', at: endsAt + 1 })?.code).toBe('CHECKIN_CLOSED');
  });

  it('only invited members, once', () => {
    expect(checkInRefusal(meeting, { ...base, invited: false, method: 'qr', at: startsAt })?.code).toBe(
      'CHECKIN_NOT_INVITED',
    );
    expect(checkInRefusal(meeting, { ...base, alreadyCheckedIn: true, method: 'qr', at: startsAt })?.code).toBe(
      'CHECKIN_DUPLICATE',
    );
  });

  it('a location check-in must be within the radius and says how far the member is', () => {
    const near: [number, number] = [120.1015, 30.2]; // ~144 m east
    const far: [number, number] = [120.1025, 30.2]; // ~241 m east
    expect(distanceM(hall, near)).toBeGreaterThan(140);
    expect(distanceM(hall, near)).toBeLessThan(150);
    expect(checkInRefusal(meeting, { ...base, method: 'location', at: startsAt, position: near })).toBeNull();
    const refused = checkInRefusal(meeting, { ...base, method: 'location', at: startsAt, position: far });
    expect(refused?.code).toBe('CHECKIN_TOO_FAR');
    expect(refused?.message).toContain('200 米');
  });

  it('a meeting without a place accepts only the QR code', () => {
    const noPlace = { startsAt, endsAt };
    expect(checkInRefusal(noPlace, { ...base, method: 'location', at: startsAt, position: hall })?.code).toBe(
      'CHECKIN_NO_PLACE',
    );
    expect(checkInRefusal(noPlace, { ...base, method: 'qr', at: startsAt })).toBeNull();
  });
});
