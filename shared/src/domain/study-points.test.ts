import {
  defaultPointsRules,
  pointsFor,
  pointsRanking,
  pointsRulesRefusal,
  pointsTotals,
  type PointsEntry,
  type PointsRule,
  type StudyEvent,
} from './study-points';

// 2026-03-10 08:00 Beijing = 2026-03-10T00:00Z.
const at = (iso: string) => Date.parse(iso);
const entry = (over: Partial<PointsEntry>): PointsEntry => ({
  memberId: 'm1',
  kind: 'lesson_completed',
  points: 2,
  at: at('2026-03-10T02:00:00Z'),
  reason: '完成课程学习 +2',
  ...over,
});
const event = (over: Partial<StudyEvent>): StudyEvent => ({
  memberId: 'm1',
  kind: 'lesson_completed',
  at: at('2026-03-10T06:00:00Z'),
  ...over,
});

describe('points rule table', () => {
  it('accepts the default table', () => {
    expect(pointsRulesRefusal(defaultPointsRules)).toBeNull();
  });
  it.each<[string, PointsRule[], string]>([
    ['zero points', [{ kind: 'daily_login', points: 0, dailyCap: 1 }], '「每日登录」每次积分须为正整数'],
    ['fraction', [{ kind: 'daily_login', points: 1.5, dailyCap: null }], '「每日登录」每次积分须为正整数'],
    ['cap below points', [{ kind: 'exam_passed', points: 5, dailyCap: 3 }], '「考试合格」每日上限不能小于每次积分'],
    ['zero cap', [{ kind: 'exam_passed', points: 5, dailyCap: 0 }], '「考试合格」每日上限须为正整数'],
    [
      'duplicate kind',
      [
        { kind: 'daily_login', points: 1, dailyCap: 1 },
        { kind: 'daily_login', points: 2, dailyCap: 2 },
      ],
      '「每日登录」的积分规则重复',
    ],
  ])('refuses %s', (_, rules, reason) => {
    expect(pointsRulesRefusal(rules)).toBe(reason);
  });
});

describe('points for an event', () => {
  const rules = defaultPointsRules;

  it('credits the rule points on an empty day', () => {
    expect(pointsFor(event({}), [], rules)).toEqual({ points: 2, reason: '完成课程学习 +2', capped: false });
  });

  it('credits until the daily cap, then 0 with the reason', () => {
    const four = [1, 2, 3, 4].map((i) => entry({ sourceId: `l${i}` }));
    expect(pointsFor(event({ sourceId: 'l5' }), four, rules).points).toBe(2);
    const five = [...four, entry({ sourceId: 'l5' })];
    expect(pointsFor(event({ sourceId: 'l6' }), five, rules)).toEqual({
      points: 0,
      reason: '完成课程学习：已达每日上限 10 分',
      capped: true,
    });
  });

  it('credits only what is left of a partly used cap', () => {
    const rulesOf3: PointsRule[] = [{ kind: 'lesson_completed', points: 3, dailyCap: 10 }];
    const nine = [1, 2, 3].map((i) => entry({ points: 3, sourceId: `l${i}` }));
    expect(pointsFor(event({ sourceId: 'l4' }), nine, rulesOf3)).toEqual({
      points: 1,
      reason: '完成课程学习 +1（已达每日上限 10 分）',
      capped: true,
    });
  });

  it('daily login counts once per Beijing day, not per UTC day', () => {
    // 2026-03-10 23:30 Beijing and 2026-03-11 00:30 Beijing: different days (same UTC day 03-10 15:30/16:30).
    const late = entry({ kind: 'daily_login', points: 1, at: at('2026-03-10T15:30:00Z') });
    expect(pointsFor(event({ kind: 'daily_login', at: at('2026-03-10T16:30:00Z') }), [late], rules).points).toBe(1);
    // 2026-03-10 00:30 Beijing (= 03-09 16:30 UTC) and 2026-03-10 23:00 Beijing: the same day.
    const early = entry({ kind: 'daily_login', points: 1, at: at('2026-03-09T16:30:00Z') });
    expect(pointsFor(event({ kind: 'daily_login', at: at('2026-03-10T15:00:00Z') }), [early], rules)).toEqual({
      points: 0,
      reason: '每日登录：已达每日上限 1 分',
      capped: true,
    });
  });

  it('ignores entries of other members, other kinds and other days', () => {
    const noise = [
      ...[1, 2, 3, 4, 5].map((i) => entry({ memberId: 'm2', sourceId: `l${i}` })),
      ...[1, 2, 3, 4, 5].map((i) => entry({ at: at('2026-03-09T02:00:00Z'), sourceId: `l${i}` })),
      entry({ kind: 'exam_passed', points: 10 }),
    ];
    expect(pointsFor(event({ sourceId: 'l9' }), noise, rules).points).toBe(2);
  });

  it('the same lesson finished twice in a day counts once', () => {
    expect(pointsFor(event({ sourceId: 'l1' }), [entry({ sourceId: 'l1' })], rules)).toEqual({
      points: 0,
      reason: '完成课程学习：同一内容当日已计分',
      capped: true,
    });
  });

  it('a zero entry of the same source (capped earlier) does not block a later credit', () => {
    expect(pointsFor(event({ sourceId: 'l1' }), [entry({ sourceId: 'l1', points: 0 })], rules).points).toBe(2);
  });

  it('a kind without a rule earns nothing', () => {
    expect(pointsFor(event({ kind: 'survey_answered' }), [], [])).toEqual({
      points: 0,
      reason: '参与问卷调查：未设置积分规则',
      capped: false,
    });
  });

  it('a rule without a cap always credits', () => {
    const uncapped: PointsRule[] = [{ kind: 'meeting_attended', points: 3, dailyCap: null }];
    const many = Array.from({ length: 20 }, (_, i) =>
      entry({ kind: 'meeting_attended', points: 3, sourceId: `x${i}` }),
    );
    expect(pointsFor(event({ kind: 'meeting_attended', sourceId: 'y' }), many, uncapped).points).toBe(3);
  });

  it('never edits the ledger it was given', () => {
    const ledger = Object.freeze([Object.freeze(entry({ sourceId: 'l1' }))]);
    expect(() => pointsFor(event({ sourceId: 'l2' }), ledger, rules)).not.toThrow();
    expect(ledger).toHaveLength(1);
  });
});

describe('totals and ranking of a period', () => {
  const entries: PointsEntry[] = [
    entry({ memberId: 'a', points: 5, at: at('2026-03-01T00:00:00Z') }),
    entry({ memberId: 'b', points: 5, at: at('2026-03-02T00:00:00Z') }),
    entry({ memberId: 'c', points: 3, at: at('2026-03-03T00:00:00Z') }),
    entry({ memberId: 'c', points: 1, at: at('2026-03-31T15:59:00Z') }), // 23:59 Beijing, 03-31: inside
    entry({ memberId: 'c', points: 9, at: at('2026-03-31T16:00:00Z') }), // 00:00 Beijing, 04-01: outside
    entry({ memberId: 'd', points: 9, at: at('2026-02-28T15:59:00Z') }), // 23:59 Beijing, 02-28: outside
  ];
  const march = { from: '2026-03-01', to: '2026-03-31' };

  it('sums per member over Beijing days, members without entries at 0', () => {
    expect(pointsTotals(entries, march, ['e'])).toEqual([
      { memberId: 'a', total: 5 },
      { memberId: 'b', total: 5 },
      { memberId: 'c', total: 4 },
      { memberId: 'e', total: 0 },
    ]);
  });

  it('ranks ties equally and skips places (1, 1, 3)', () => {
    expect(pointsRanking(pointsTotals(entries, march, ['e'])).map((r) => [r.memberId, r.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
      ['e', 4],
    ]);
  });

  it.each<[number[], number[]]>([
    [
      [10, 10, 10],
      [1, 1, 1],
    ],
    [
      [9, 8, 8, 8, 2],
      [1, 2, 2, 2, 5],
    ],
    [
      [3, 2, 1],
      [1, 2, 3],
    ],
    [[], []],
  ])('totals %j rank as %j', (totals, ranks) => {
    const rows = totals.map((total, i) => ({ memberId: `m${i}`, total }));
    expect(pointsRanking([...rows].reverse()).map((r) => r.rank)).toEqual(ranks);
  });
});
