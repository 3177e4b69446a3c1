import {
  allowedHonourActs,
  fulfilmentRefusal,
  honourActRefusal,
  honourStatusAfter,
  honourStatuses,
  recordYearProblem,
  type HonourAct,
  type HonourActor,
  type HonourStatus,
} from './party-records';

const committee: HonourActor = { committee: true, secretary: false };
const secretary: HonourActor = { committee: true, secretary: true };
const approverOnly: HonourActor = { committee: false, secretary: true };
const nobody: HonourActor = { committee: false, secretary: false };

describe('honour workflow', () => {
  // Written by hand from the issue, independent of the table in the code.
  it.each<[HonourStatus, HonourActor, HonourAct[]]>([
    ['draft', committee, ['edit', 'submit']],
    ['draft', secretary, ['edit', 'submit']],
    ['draft', approverOnly, []],
    ['draft', nobody, []],
    ['submitted', committee, []],
    ['submitted', secretary, ['approve', 'reject']],
    ['submitted', approverOnly, ['approve', 'reject']],
    ['approved', committee, ['publish']],
    ['approved', secretary, ['publish']],
    ['approved', approverOnly, []],
    ['rejected', committee, ['edit', 'submit']],
    ['rejected', secretary, ['edit', 'submit']],
    ['published', secretary, []],
    ['published', committee, []],
  ])('%s for %j allows %j', (status, actor, acts) => {
    expect(allowedHonourActs(status, actor)).toEqual(acts);
  });

  it.each<[HonourAct, HonourStatus]>([
    ['edit', 'draft'],
    ['submit', 'submitted'],
    ['approve', 'approved'],
    ['reject', 'rejected'],
    ['publish', 'published'],
  ])('%s leads to %s', (act, status) => {
    expect(honourStatusAfter(act)).toBe(status);
  });

  it('names the missing role before the wrong state', () => {
    expect(honourActRefusal('draft', 'approve', committee)).toBe('只有本组织书记可以审批荣誉');
    expect(honourActRefusal('submitted', 'publish', approverOnly)).toBe('只有本组织的支委可以办理荣誉');
    expect(honourActRefusal('draft', 'approve', secretary)).toBe('荣誉草稿，不能审批通过');
    expect(honourActRefusal('published', 'edit', secretary)).toBe('荣誉已发布，不能修改');
    expect(honourActRefusal('submitted', 'reject', secretary)).toBeNull();
  });

  it('reaches every status from a draft', () => {
    const reached = new Set<HonourStatus>(['draft']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const status of [...reached])
        for (const act of allowedHonourActs(status, secretary)) {
          const next = honourStatusAfter(act);
          if (!reached.has(next)) {
            reached.add(next);
            grew = true;
          }
        }
    }
    expect([...reached].sort()).toEqual([...honourStatuses].sort());
  });
});

describe('record years', () => {
  it.each<[number, string, boolean, string | null]>([
    [2026, '2026-06-01', false, null],
    [2000, '2026-06-01', false, null],
    [1999, '2026-06-01', false, '年度不能早于 2000 年'],
    [2027, '2026-06-01', false, '年度不能晚于今年'],
    [2027, '2026-06-01', true, null],
    [2028, '2026-06-01', true, '只能提前制定下一年度的计划'],
    [2026.5, '2026-06-01', true, '年度不能早于 2000 年'],
  ])('%d on %s (ahead %s) → %s', (year, today, ahead, problem) => {
    expect(recordYearProblem(year, today, ahead)).toBe(problem);
  });
});

describe('pledge fulfilment', () => {
  it.each<[number, string, boolean]>([
    [2026, '2026-11-30', false],
    [2026, '2026-12-01', true],
    [2025, '2026-03-01', true],
    [2027, '2026-12-31', false],
  ])('for %d on %s may be recorded: %s', (year, today, allowed) => {
    expect(fulfilmentRefusal(year, today) === null).toBe(allowed);
  });

  it('says when it opens', () => {
    expect(fulfilmentRefusal(2026, '2026-06-01')).toBe('2026 年的承诺践诺情况须在 2026 年 12 月 1 日以后年终评定');
  });
});
