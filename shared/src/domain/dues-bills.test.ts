import {
  addMonths,
  arrearsOf,
  beijingDay,
  billDueOn,
  declarationForMonth,
  incomeBracketText,
  isDuesMonth,
  isReminderDue,
  monthDiff,
  nextReminderAllowedAt,
  paidOnTime,
  type StreakBill,
} from './dues-bills';

describe('month arithmetic and due days', () => {
  it.each([
    ['2026-12', 1, '2027-01'],
    ['2026-12', 0, '2026-12'],
    ['2026-01', -1, '2025-12'],
    ['2026-03', -14, '2025-01'],
    ['2026-12', 25, '2029-01'],
  ])('%s + %i = %s', (month, n, expected) => {
    expect(addMonths(month, n)).toBe(expected);
    expect(monthDiff(month, expected)).toBe(n);
  });

  it.each([
    ['2026-12', '2026-12-31'],
    ['2026-02', '2026-02-28'],
    ['2028-02', '2028-02-29'],
    ['2100-02', '2100-02-28'],
    ['2026-04', '2026-04-30'],
  ])('%s is due on its last day %s', (month, due) => {
    expect(billDueOn(month)).toBe(due);
  });

  it('knows a month', () => {
    expect(['2026-01', '2026-12'].map(isDuesMonth)).toEqual([true, true]);
    expect(['2026-13', '2026-00', '2026-1', '2026-01-01', ''].map(isDuesMonth)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(() => addMonths('2026-13', 1)).toThrow(RangeError);
  });
});

describe('paid on time: on or before the due day, Beijing date', () => {
  it.each([
    ['2026-12-31T15:59:59.000Z', true], // 23:59:59 Beijing on the 31st
    ['2026-12-31T16:00:00.000Z', false], // 00:00 Beijing on 1 January
    ['2026-12-01T00:00:00.000Z', true],
    ['2027-01-05T00:00:00.000Z', false],
  ])('%s → %s', (paidAt, onTime) => {
    expect(paidOnTime(paidAt, '2026-12-31')).toBe(onTime);
  });

  it('unpaid is not on time', () => {
    expect(paidOnTime(null, '2026-12-31')).toBe(false);
    expect(beijingDay('2026-12-31T16:00:00.000Z')).toBe('2027-01-01');
  });
});

describe('arrears streak, flag and reminders', () => {
  const bills = (statuses: Record<string, string>): StreakBill[] =>
    Object.entries(statuses).map(([month, status]) => ({ month, status }));

  it.each<[string, Record<string, string>, number, boolean, boolean]>([
    ['nothing owed', { '2026-11': 'paid' }, 0, false, false],
    ['the current month is not overdue', { '2026-12': 'unpaid', '2026-11': 'paid' }, 0, false, false],
    ['one month', { '2026-11': 'unpaid', '2026-10': 'paid' }, 1, false, false],
    ['three months: remind', { '2026-11': 'unpaid', '2026-10': 'unpaid', '2026-09': 'unpaid' }, 3, false, true],
    [
      'a waived month is skipped, not counted',
      { '2026-11': 'unpaid', '2026-10': 'waived', '2026-09': 'unpaid', '2026-08': 'unpaid', '2026-07': 'paid' },
      3,
      false,
      true,
    ],
    [
      'five months: last reminder',
      { '2026-11': 'unpaid', '2026-10': 'unpaid', '2026-09': 'unpaid', '2026-08': 'unpaid', '2026-07': 'unpaid' },
      5,
      false,
      true,
    ],
    [
      'six in a row: flagged, no reminder',
      {
        '2026-11': 'unpaid',
        '2026-10': 'unpaid',
        '2026-09': 'refunded',
        '2026-08': 'unpaid',
        '2026-07': 'unpaid',
        '2026-06': 'unpaid',
      },
      6,
      true,
      false,
    ],
    [
      'a paid month ends the streak',
      { '2026-11': 'unpaid', '2026-10': 'paid', '2026-09': 'unpaid', '2026-08': 'unpaid' },
      1,
      false,
      false,
    ],
    ['a month without a bill ends the streak', { '2026-11': 'unpaid', '2026-09': 'unpaid' }, 1, false, false],
    [
      'across the year',
      {
        '2026-01': 'unpaid',
        '2025-12': 'unpaid',
        '2025-11': 'unpaid',
        '2025-10': 'unpaid',
        '2025-09': 'unpaid',
        '2025-08': 'unpaid',
        '2025-07': 'unpaid',
      },
      7,
      true,
      false,
    ],
  ])('%s', (_name, statuses, streak, flagged, reminderDue) => {
    const current = _name === 'across the year' ? '2026-02' : '2026-12';
    expect(arrearsOf(bills(statuses), current)).toMatchObject({ streak, flagged, reminderDue });
  });

  it('lists every overdue unpaid month, oldest first', () => {
    const state = arrearsOf(
      bills({ '2026-12': 'unpaid', '2026-11': 'unpaid', '2026-10': 'paid', '2026-08': 'unpaid' }),
      '2026-12',
    );
    expect(state.unpaidMonths).toEqual(['2026-08', '2026-11']);
  });

  it('reminds at 3, 4 and 5 months only', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 12].map(isReminderDue)).toEqual([false, false, false, true, true, true, false, false]);
  });

  it('one reminder per 7 days', () => {
    const now = new Date('2026-12-07T08:00:00.000Z');
    expect(nextReminderAllowedAt(null, now)).toBeNull();
    expect(nextReminderAllowedAt('2026-12-01T08:00:00.000Z', now)).toBe('2026-12-08T08:00:00.000Z');
    expect(nextReminderAllowedAt('2026-11-30T08:00:00.000Z', now)).toBeNull();
  });
});

describe('which base applies to a month', () => {
  const d2025 = { id: 'a', year: 2025 };
  const d2026 = { id: 'b', year: 2026 };
  it.each([
    [[d2025, d2026], '2026-03', 'b', false],
    [[d2025], '2026-01', 'a', true],
    [[d2025, d2026], '2025-12', 'a', false],
    [[d2026], '2025-12', null, false],
    [[], '2026-01', null, false],
  ])('%j in %s → %s', (decls, month, id, needs) => {
    const applied = declarationForMonth(decls, month);
    expect(applied?.declaration.id ?? null).toBe(id);
    if (applied) expect(applied.needsRedeclaration).toBe(needs);
  });
});

describe('income bracket text for staff lists', () => {
  it.each([
    ['employed', 300_000, '月税后工资收入3000元以下（含3000元）'],
    ['employed', 300_001, '月税后工资收入3000元以上至5000元（含5000元）'],
    ['retired', 500_001, '月离退休费5000元以上'],
    ['farmer', null, null],
  ] as const)('%s %s → %s', (kind, income, text) => {
    expect(incomeBracketText(kind, income)).toBe(text);
  });
});
