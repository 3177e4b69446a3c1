import { ageBandOf, ageInYears, reportAsOf, tallyAnnualReport } from './party-archive';
import type { ReportMemberFact } from './party-archive';

describe('party archive: age bands', () => {
  // [birth date, report date, age, band] — written by hand, the boundaries on both sides.
  const table: [string | null, string, number | null, string][] = [
    ['1996-12-31', '2026-12-31', 30, 'up_to_30'],
    ['1995-12-31', '2026-12-31', 31, '31_40'],
    ['1996-01-01', '2026-06-30', 30, 'up_to_30'],
    ['1986-07-01', '2026-06-30', 39, '31_40'],
    ['1986-06-30', '2026-06-30', 40, '31_40'],
    ['1976-06-30', '2026-06-30', 50, '41_50'],
    ['1976-06-29', '2026-06-30', 50, '41_50'],
    ['1975-06-30', '2026-06-30', 51, '51_60'],
    ['1966-06-30', '2026-06-30', 60, '51_60'],
    ['1956-06-30', '2026-06-30', 70, '61_70'],
    ['1955-06-30', '2026-06-30', 71, 'over_70'],
    [null, '2026-06-30', null, 'unknown'],
    ['2027-01-01', '2026-06-30', null, 'unknown'],
    ['1990-13', '2026-06-30', null, 'unknown'],
  ];
  it.each(table)('born %s, on %s: age %s, band %s', (birth, on, age, band) => {
    expect(ageInYears(birth, on)).toBe(age);
    expect(ageBandOf(birth, on)).toBe(band);
  });
});

describe('party archive: annual report tally', () => {
  const member = (over: Partial<ReportMemberFact>): ReportMemberFact => ({
    orgId: 'A',
    active: true,
    category: 'full',
    gender: 'male',
    birthDate: '1980-05-05',
    education: 'bachelor',
    joinedOn: '2010-07-01',
    ...over,
  });

  it('counts the files on the rolls by branch, category, sex, age band and education; the year’s events', () => {
    const members = [
      member({}),
      member({ category: 'probationary', gender: 'female', birthDate: '2000-01-01', joinedOn: '2026-03-01' }),
      member({ orgId: 'B', education: null, birthDate: null, gender: null }),
      // left the rolls: not in the standing counts, but joined in the year
      member({ orgId: 'B', active: false, joinedOn: '2026-02-01' }),
      // joined after the report date: neither standing nor new
      member({ orgId: 'B', joinedOn: '2026-09-01' }),
      // joined in another year
      member({ joinedOn: '2025-12-31', education: 'primary' }),
    ];
    const events = [
      { kind: 'transfer_in' as const, on: '2026-01-15' },
      { kind: 'transfer_in' as const, on: '2025-12-31' },
      { kind: 'transfer_out' as const, on: '2026-04-01' },
      { kind: 'transfer_within' as const, on: '2026-05-01' },
      { kind: 'transfer_within' as const, on: '2026-07-01' },
    ];
    const tally = tallyAnnualReport(2026, '2026-06-30', members, events, ['A', 'B', 'C']);
    expect(tally.total).toBe(4);
    expect(tally.byBranch).toEqual([
      { orgId: 'A', full: 2, probationary: 1, total: 3 },
      { orgId: 'B', full: 1, probationary: 0, total: 1 },
      { orgId: 'C', full: 0, probationary: 0, total: 0 },
    ]);
    expect(tally.bySex).toEqual([
      { key: 'male', count: 2 },
      { key: 'female', count: 1 },
      { key: 'unknown', count: 1 },
    ]);
    expect(tally.byAgeBand.filter((b) => b.count > 0)).toEqual([
      { key: 'up_to_30', count: 1 },
      { key: '41_50', count: 2 },
      { key: 'unknown', count: 1 },
    ]);
    expect(tally.byEducation.filter((b) => b.count > 0)).toEqual([
      { key: 'bachelor', count: 2 },
      { key: 'primary', count: 1 },
      { key: 'unknown', count: 1 },
    ]);
    expect(tally.newMembers).toBe(2);
    expect(tally.transfersIn).toBe(1);
    expect(tally.transfersOut).toBe(1);
    expect(tally.transfersWithin).toBe(1);
  });

  it('reports a past year at its last day and the running year at today', () => {
    expect(reportAsOf(2025, '2026-06-30')).toBe('2025-12-31');
    expect(reportAsOf(2026, '2026-06-30')).toBe('2026-06-30');
  });
});
