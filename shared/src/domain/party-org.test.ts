import {
  canPlaceOrg,
  committeeProblem,
  committeeRolesFor,
  defaultTermYears,
  holdsMembers,
  termDue,
  termYearsOf,
  type PartyOrgType,
  type TermDueInput,
} from './party-org';

/** Where each type may be created, written out by hand from the tree 镇党委 → 党总支 → 党支部 → 党小组. */
const placement: Array<[PartyOrgType, PartyOrgType | null, boolean]> = [
  ['committee', null, true],
  ['committee', 'committee', false],
  ['general_branch', 'committee', true],
  ['general_branch', null, false],
  ['general_branch', 'general_branch', false],
  ['branch', 'committee', true],
  ['branch', 'general_branch', true],
  ['branch', 'branch', false],
  ['branch', null, false],
  ['group', 'branch', true],
  ['group', 'general_branch', false],
  ['group', 'committee', false],
  ['group', 'group', false],
];

describe('the organisation tree', () => {
  it.each(placement)('a %s under %s: %s', (type, parent, allowed) => {
    expect(canPlaceOrg(type, parent)).toBe(allowed);
  });

  it('keeps members in branches and groups only', () => {
    expect(['committee', 'general_branch', 'branch', 'group'].filter((t) => holdsMembers(t as PartyOrgType))).toEqual([
      'branch',
      'group',
    ]);
  });
});

describe('committee roles', () => {
  it('gives a group a leader and members, every other kind a secretary and committee members', () => {
    expect(committeeRolesFor('group')).toEqual(['group_leader', 'member']);
    expect(committeeRolesFor('branch')).toEqual([
      'secretary',
      'deputy_secretary',
      'organization',
      'publicity',
      'discipline',
      'member',
    ]);
  });

  it.each([
    ['branch', ['secretary', 'deputy_secretary', 'deputy_secretary', 'member', 'member'], null],
    ['branch', ['secretary', 'secretary'], '「书记」只能有一人'],
    ['branch', ['group_leader'], '党支部不设「组长」'],
    ['group', ['secretary'], '党小组不设「书记」'],
    ['group', ['group_leader', 'member', 'member'], null],
    ['committee', ['organization', 'organization'], '「组织委员」只能有一人'],
    ['committee', [], null],
  ] as const)('%s with %j → %s', (type, roles, problem) => {
    expect(committeeProblem(type, roles)).toBe(problem);
  });
});

describe('due for 换届', () => {
  const base: TermDueInput = {
    type: 'branch',
    active: true,
    startedOn: '2023-03-15',
    years: defaultTermYears,
    warnDays: 90,
    today: '2025-01-01',
  };

  it('takes 3 years for branches and general branches, 5 for the committee, none for groups', () => {
    expect(termYearsOf('branch', defaultTermYears)).toBe(3);
    expect(termYearsOf('general_branch', defaultTermYears)).toBe(3);
    expect(termYearsOf('committee', defaultTermYears)).toBe(5);
    expect(termYearsOf('group', defaultTermYears)).toBeNull();
    expect(termYearsOf('branch', { committee: 5, branch: 5 })).toBe(5);
  });

  it.each([
    ['long before the end', '2025-01-01', 'ok'],
    ['the day before the warning window', '2025-12-14', 'ok'],
    ['the first day of the window (90 days before)', '2025-12-15', 'due'],
    ['the last day of the term', '2026-03-15', 'due'],
    ['the day after the term', '2026-03-16', 'overdue'],
    ['years later', '2028-01-01', 'overdue'],
  ])('%s (%s): %s', (_name, today, status) => {
    expect(termDue({ ...base, today })).toEqual({ status, endsOn: '2026-03-15' });
  });

  it('ends a term begun on 29 February on 28 February', () => {
    expect(termDue({ ...base, startedOn: '2024-02-29', today: '2024-03-01' }).endsOn).toBe('2027-02-28');
  });

  it('counts 5 years for the committee and follows the configured length', () => {
    expect(termDue({ ...base, type: 'committee', today: '2026-06-01' })).toEqual({
      status: 'ok',
      endsOn: '2028-03-15',
    });
    expect(termDue({ ...base, years: { committee: 5, branch: 2 }, today: '2025-03-16' })).toEqual({
      status: 'overdue',
      endsOn: '2025-03-15',
    });
  });

  it('has nothing due for groups and closed organisations', () => {
    expect(termDue({ ...base, type: 'group', today: '2030-01-01' })).toEqual({ status: 'none', endsOn: null });
    expect(termDue({ ...base, active: false, today: '2030-01-01' })).toEqual({ status: 'none', endsOn: null });
  });
});
