import { courseAddresses, courseClosedReason, memberCourseState, toTenths, fromTenths } from './study-courses';

const base = { status: 'published' as const, opensOn: '2026-12-01', closesOn: '2026-12-31' };

describe('study courses', () => {
  it('addresses all members, or the chosen organisations with their subtrees', () => {
    expect(courseAddresses({ audience: 'all', audiencePaths: [] }, '/a/b/')).toBe(true);
    expect(courseAddresses({ audience: 'orgs', audiencePaths: ['/a/'] }, '/a/b/')).toBe(true);
    expect(courseAddresses({ audience: 'orgs', audiencePaths: ['/a/b/'] }, '/a/')).toBe(false);
    expect(courseAddresses({ audience: 'orgs', audiencePaths: ['/a/b/'] }, '/a/bc/')).toBe(false);
  });

  it.each([
    ['2026-11-30', 'not_open'],
    ['2026-12-01', null],
    ['2026-12-31', null],
    ['2027-01-01', 'closed'],
  ])('on %s a course open 12-01..12-31 is %s', (today, expected) => {
    expect(courseClosedReason(base, today)).toBe(expected);
  });

  it('drafts and closed courses are never open; no dates means always open', () => {
    expect(courseClosedReason({ ...base, status: 'draft' }, '2026-12-10')).toBe('draft');
    expect(courseClosedReason({ ...base, status: 'closed' }, '2026-12-10')).toBe('closed');
    expect(courseClosedReason({ status: 'published', opensOn: null, closesOn: null }, '2030-01-01')).toBeNull();
  });

  it.each([
    [true, true, null, 'open'],
    [false, false, null, 'open'],
    [false, true, null, 'apply'],
    [false, true, 'pending', 'pending'],
    [false, true, 'rejected', 'rejected'],
    [false, true, 'approved', 'open'],
  ] as const)('required=%s needsApproval=%s enrolment=%s → %s', (required, needsApproval, enrolment, state) => {
    expect(memberCourseState({ ...base, required, needsApproval }, enrolment, '2026-12-10')).toBe(state);
  });

  it('dates come before the enrolment state', () => {
    expect(memberCourseState({ ...base, required: false, needsApproval: true }, 'approved', '2027-02-01')).toBe(
      'closed',
    );
  });

  it('keeps one decimal as tenths', () => {
    expect(toTenths(1.5)).toBe(15);
    expect(fromTenths(15)).toBe(1.5);
  });
});
