import { courseProgressPermille, expectedProgressPermille, isBehind } from './study-analysis';

describe('expectedProgressPermille', () => {
  // A 10-day course: 2026-12-01 … 2026-12-10.
  const course = { opensOn: '2026-12-01', closesOn: '2026-12-10' };
  it.each([
    ['2026-11-20', 0, 'before it opens'],
    ['2026-12-01', 0, 'on the opening day (nothing could be done yet)'],
    ['2026-12-02', 100, 'one day in'],
    ['2026-12-06', 500, 'half way'],
    ['2026-12-10', 900, 'on the last day (still a day to finish)'],
    ['2026-12-11', 1000, 'the day after closing'],
    ['2027-03-01', 1000, 'long after closing'],
  ])('on %s expects %i (%s)', (today, expected) => {
    expect(expectedProgressPermille(course, today)).toBe(expected);
  });

  it('rounds down, never expecting more than the days allow', () => {
    // 3-day course, one day in: 333.3… → 333.
    expect(expectedProgressPermille({ opensOn: '2026-12-01', closesOn: '2026-12-03' }, '2026-12-02')).toBe(333);
  });

  it('a one-day course expects nothing on its day and everything after', () => {
    const oneDay = { opensOn: '2026-12-01', closesOn: '2026-12-01' };
    expect(expectedProgressPermille(oneDay, '2026-12-01')).toBe(0);
    expect(expectedProgressPermille(oneDay, '2026-12-02')).toBe(1000);
  });

  it('without a close date nobody is behind', () => {
    expect(expectedProgressPermille({ opensOn: '2026-01-01', closesOn: null }, '2026-12-31')).toBe(0);
  });

  it('without an open date counts from publication, or expects nothing', () => {
    const unopened = { opensOn: null, closesOn: '2026-12-10' };
    expect(expectedProgressPermille({ ...unopened, publishedOn: '2026-12-01' }, '2026-12-06')).toBe(500);
    expect(expectedProgressPermille(unopened, '2026-12-06')).toBe(0);
  });

  it('crosses month and year ends by calendar days', () => {
    expect(expectedProgressPermille({ opensOn: '2026-12-30', closesOn: '2027-01-02' }, '2027-01-01')).toBe(500);
  });
});

describe('courseProgressPermille', () => {
  it('weights lessons by their required time', () => {
    // 30 min done of a 30-min video, nothing of a 10-min article: 750.
    expect(
      courseProgressPermille([
        { requiredMs: 1_800_000, permille: 1000 },
        { requiredMs: 600_000, permille: 0 },
      ]),
    ).toBe(750);
  });

  it('is 0 without lessons, 1000 when all are done', () => {
    expect(courseProgressPermille([])).toBe(0);
    expect(courseProgressPermille([{ requiredMs: 5, permille: 1000 }])).toBe(1000);
  });

  it('averages equally when no lesson requires time', () => {
    expect(
      courseProgressPermille([
        { requiredMs: 0, permille: 1000 },
        { requiredMs: 0, permille: 0 },
      ]),
    ).toBe(500);
  });
});

describe('isBehind', () => {
  it('is strict: on schedule is not behind', () => {
    expect(isBehind(500, 500)).toBe(false);
    expect(isBehind(499, 500)).toBe(true);
    expect(isBehind(0, 0)).toBe(false);
  });
});
