import { appraisalScore, appraisalVoteRefusal, appraisalWeights, type AppraisalVote } from './appraisal-score';

const votes = (group: AppraisalVote['group'], ...scores: number[]): AppraisalVote[] =>
  scores.map((score) => ({ group, score }));

describe('democratic appraisal score', () => {
  it('weights add up to 100 (60/30/10)', () => {
    expect(appraisalWeights).toEqual({ resident: 60, member: 30, leader: 10 });
  });

  it('nobody voted → null', () => {
    expect(appraisalScore([])).toBeNull();
  });

  it.each<[string, AppraisalVote[], number]>([
    // 0.6 × 90 + 0.3 × 80 + 0.1 × 70 = 85
    ['all three groups', [...votes('resident', 90), ...votes('member', 80), ...votes('leader', 70)], 85],
    // residents mean 85, members 70, leaders 100: 51 + 21 + 10 = 82
    ['means per group', [...votes('resident', 80, 90), ...votes('member', 60, 80), ...votes('leader', 100)], 82],
    // residents missing: members 75 %, leaders 25 % → 0.75 × 80 + 0.25 × 60 = 75
    ['residents missing', [...votes('member', 80), ...votes('leader', 60)], 75],
    // leaders missing: residents 6/9, members 3/9 → (60 × 90 + 30 × 60) / 90 = 80
    ['leaders missing', [...votes('resident', 90), ...votes('member', 60)], 80],
    // members missing: residents 6/7, leaders 1/7 → (60 × 100 + 10 × 30) / 70 = 90
    ['members missing', [...votes('resident', 100), ...votes('leader', 30)], 90],
    ['only residents', votes('resident', 70, 75), 72.5],
    ['only members', votes('member', 88), 88],
    ['only leaders', votes('leader', 0, 100, 100), 66.7],
    ['every vote 0', [...votes('resident', 0), ...votes('member', 0), ...votes('leader', 0)], 0],
    ['every vote 100', [...votes('resident', 100), ...votes('member', 100), ...votes('leader', 100)], 100],
  ])('%s → %d', (_, cast, score) => {
    expect(appraisalScore(cast)?.score).toBe(score);
  });

  it('a missing group does not count as 0', () => {
    const result = appraisalScore([...votes('member', 90), ...votes('leader', 90)]);
    expect(result?.score).toBe(90);
  });

  it('reports the renormalised weights and vote counts', () => {
    const result = appraisalScore([...votes('member', 80, 70), ...votes('leader', 60)]);
    expect(result?.groups).toEqual([
      { group: 'member', votes: 2, mean: 75, weight: 75 },
      { group: 'leader', votes: 1, mean: 60, weight: 25 },
    ]);
    expect(result?.groups.reduce((sum, g) => sum + g.weight, 0)).toBe(100);
  });

  describe('rounding: once, half up, to tenths, from unrounded group means', () => {
    it.each<[string, AppraisalVote[], number, number]>([
      // residents 80, members 80.5 → 48 + 24.15 = 72.15 exactly over 90 → 80.1666… → 80.2
      ['two groups', [...votes('resident', 80), ...votes('member', 80, 81)], 80.2, 802],
      // only residents, mean 87.25 → 87.3 (half up, not banker's)
      ['exact half rounds up', votes('resident', 87, 87, 87, 88), 87.3, 873],
      // 20 votes summing 169: mean 8.45, which floating point computes as 84.4999… tenths; still rounds up
      ['floating-point half rounds up', votes('resident', ...Array(9).fill(9), ...Array(11).fill(8)), 8.5, 85],
      // mean of 1/3 steps: 66.666… → 66.7; 33.333… → 33.3
      ['thirds up', votes('member', 100, 100, 0), 66.7, 667],
      ['thirds down', votes('member', 100, 0, 0), 33.3, 333],
      // residents' mean 90.05: 54.03 + 24 + 7 = 85.03 → 85.0; rounding the mean first (90.1) would give
      // 54.06 + 24 + 7 = 85.06 → 85.1
      [
        'no intermediate rounding',
        [...votes('resident', ...Array(19).fill(90), 91), ...votes('member', 80), ...votes('leader', 70)],
        85,
        850,
      ],
    ])('%s', (_, cast, score, tenths) => {
      expect(appraisalScore(cast)).toMatchObject({ score, tenths });
    });

    it('x.x5 exactly rounds up across groups', () => {
      // 0.6 × 90 + 0.3 × 85 + 0.1 × 70.5 = 54 + 25.5 + 7.05 = 86.55 → 86.6
      const result = appraisalScore([...votes('resident', 90), ...votes('member', 85), ...votes('leader', 70, 71)]);
      expect(result).toMatchObject({ score: 86.6, tenths: 866 });
    });
  });

  it.each([[-1], [101], [85.5], [Number.NaN]])('refuses a vote of %d', (score) => {
    expect(appraisalVoteRefusal(score)).toBe('评分须为 0 到 100 之间的整数');
    expect(() => appraisalScore([{ group: 'resident', score }])).toThrow(RangeError);
  });

  it.each([[0], [100], [60]])('accepts a vote of %d', (score) => {
    expect(appraisalVoteRefusal(score)).toBeNull();
  });
});
