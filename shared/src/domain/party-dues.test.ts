import { applyRateFen, duesComputation, monthlyDuesFen, type DuesKind } from './party-dues';

describe('monthly party dues (2008 rules), integer fen', () => {
  describe('employed: after-tax monthly salary, upper bound of a bracket belongs to it', () => {
    it.each<[string, number, number]>([
      ['no income', 0, 0],
      ['¥1.00 × 0.5 % = ¥0.005 → rounds half up to 1 fen', 100, 1],
      ['¥0.99 × 0.5 % = 0.495 fen → 0 fen', 99, 0],
      ['¥2,000 × 0.5 %', 200_000, 1_000],
      ['¥3,000.00 is still 0.5 %', 300_000, 1_500],
      ['¥3,000.01 is 1 %', 300_001, 3_000],
      ['¥4,321.23 × 1 % = 43.2123 → ¥43.21', 432_123, 4_321],
      ['¥5,000.00 is still 1 %', 500_000, 5_000],
      ['¥5,000.01 is 1.5 % (75.00015 → ¥75.00)', 500_001, 7_500],
      ['¥8,888.88 × 1.5 % = 133.3332 → ¥133.33', 888_888, 13_333],
      ['¥10,000.00 is still 1.5 %', 1_000_000, 15_000],
      ['¥10,000.01 is 2 %', 1_000_001, 20_000],
      ['¥25,000 × 2 %', 2_500_000, 50_000],
    ])('%s', (_, incomeFen, dueFen) => {
      expect(monthlyDuesFen('employed', incomeFen)).toBe(dueFen);
    });
  });

  describe('retired: monthly pension', () => {
    it.each<[string, number, number]>([
      ['¥2,600 × 0.5 %', 260_000, 1_300],
      ['¥5,000.00 is still 0.5 %', 500_000, 2_500],
      ['¥5,000.01 is 1 %', 500_001, 5_000],
      ['¥6,543.21 × 1 % = 65.4321 → ¥65.43', 654_321, 6_543],
    ])('%s', (_, incomeFen, dueFen) => {
      expect(monthlyDuesFen('retired', incomeFen)).toBe(dueFen);
    });
  });

  describe('flat amounts ignore the income', () => {
    it.each<[DuesKind, number]>([
      ['student', 20],
      ['unemployed', 20],
      ['subsistence', 20],
      ['farmer', 20],
    ])('%s pays %d fen whatever the income', (kind, dueFen) => {
      expect(monthlyDuesFen(kind, 0)).toBe(dueFen);
      expect(monthlyDuesFen(kind, 1_234_567)).toBe(dueFen);
    });

    it('farmers pay the configured amount within ¥0.20–¥1.00', () => {
      expect(monthlyDuesFen('farmer', 0, { farmerFen: 20 })).toBe(20);
      expect(monthlyDuesFen('farmer', 0, { farmerFen: 50 })).toBe(50);
      expect(monthlyDuesFen('farmer', 0, { farmerFen: 100 })).toBe(100);
      expect(() => monthlyDuesFen('farmer', 0, { farmerFen: 19 })).toThrow(RangeError);
      expect(() => monthlyDuesFen('farmer', 0, { farmerFen: 101 })).toThrow(RangeError);
      expect(() => monthlyDuesFen('farmer', 0, { farmerFen: 50.5 })).toThrow(RangeError);
    });
  });

  it('refuses an income that is not a non-negative integer of fen', () => {
    for (const bad of [-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(() => monthlyDuesFen('employed', bad)).toThrow(RangeError);
      expect(() => monthlyDuesFen('retired', bad)).toThrow(RangeError);
    }
  });

  it('refuses an unknown kind instead of charging nothing', () => {
    expect(() => monthlyDuesFen('pensioner' as DuesKind, 100_000)).toThrow(RangeError);
  });

  it('rounds once, half up, to the fen', () => {
    expect(applyRateFen(100_100, 50)).toBe(501); // ¥1,001.00 × 0.5 % = 500.5 fen → 501 (half up)
    expect(applyRateFen(100_300, 50)).toBe(502); // 501.5 fen → 502
    expect(applyRateFen(100_500, 50)).toBe(503); // 502.5 fen → 503 (banker's rounding would give 502)
    expect(applyRateFen(100_010, 50)).toBe(500); // 500.05 fen → 500
    expect(applyRateFen(100_190, 50)).toBe(501); // 500.95 fen → 501
  });

  it('explains the computation in the rules’ own words', () => {
    const c = duesComputation('employed', 432_123);
    expect(c.bracket?.rateBp).toBe(100);
    expect(c.explanation).toBe(
      '在职党员，月税后工资收入3000元以上至5000元（含5000元），按1%交纳：4321.23元 × 1% = 43.21元',
    );
    expect(duesComputation('retired', 500_000).explanation).toBe(
      '离退休党员，月离退休费5000元以下（含5000元），按0.5%交纳：5000.00元 × 0.5% = 25.00元',
    );
    expect(duesComputation('subsistence', 0).explanation).toBe('享受低保党员每月交纳0.20元');
  });
});
