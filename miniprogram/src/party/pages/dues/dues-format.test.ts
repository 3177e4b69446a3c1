import { monthlyDuesFen } from '@zhili/shared/client';
import { beijingTime, billTitle, duesPreview, fenFromYuan, monthText, paidHow, totalFen, yuan } from './dues-format';

describe('the member dues page formats', () => {
  it('shows fen as yuan with grouping and two decimals', () => {
    expect(yuan(0)).toBe('¥0.00');
    expect(yuan(20)).toBe('¥0.20');
    expect(yuan(4500)).toBe('¥45.00');
    expect(yuan(450000)).toBe('¥4,500.00');
    expect(yuan(123456789)).toBe('¥1,234,567.89');
    expect(yuan(-5)).toBe('-¥0.05');
  });

  it('reads typed yuan into exact fen, refusing what is not an amount', () => {
    expect(fenFromYuan('4500')).toBe(450000);
    expect(fenFromYuan(' 4,321.23 ')).toBe(432123);
    expect(fenFromYuan('0.29')).toBe(29);
    expect(fenFromYuan('12.3')).toBe(1230);
    for (const bad of ['', 'abc', '1.234', '-5', '1e3', '.5', '12.', '2000000']) expect(fenFromYuan(bad)).toBeNull();
  });

  it('names months and Beijing times', () => {
    expect(monthText('2026-03')).toBe('2026年3月');
    expect(monthText('2026-12')).toBe('2026年12月');
    // 16:30 UTC on 31 December is already 1 January in Beijing.
    expect(beijingTime('2026-12-31T16:30:00.000Z')).toBe('2027-01-01 00:30');
  });

  it('previews the amount of a declaration with the rules, waiting for an income where one is needed', () => {
    const preview = duesPreview('employed', '4500');
    expect(preview?.dueFen).toBe(4500);
    expect(preview?.dueFen).toBe(monthlyDuesFen('employed', 450000));
    expect(preview?.explanation).toContain('4500.00元 × 1% = 45.00元');
    expect(duesPreview('retired', '6000')?.dueFen).toBe(6000);
    expect(duesPreview('employed', '')).toBeNull();
    expect(duesPreview('retired', '12.345')).toBeNull();
    expect(duesPreview('student', '')?.dueFen).toBe(20);
    expect(duesPreview('farmer', '', 50)?.dueFen).toBe(50);
  });

  it('totals only the chosen bills', () => {
    const bills = [
      { id: 'a', amountFen: 4500 },
      { id: 'b', amountFen: 4500 },
      { id: 'c', amountFen: 1000 },
    ];
    expect(totalFen(bills, new Set(['a', 'c']))).toBe(5500);
    expect(totalFen(bills, new Set())).toBe(0);
  });

  it('titles bills and says how they were paid', () => {
    expect(billTitle({ kind: 'monthly', month: '2026-11', title: null })).toBe('2026年11月党费');
    expect(billTitle({ kind: 'special', month: '2026-11', title: '抗洪救灾' })).toBe('特殊党费：抗洪救灾');
    expect(billTitle({ kind: 'voluntary', month: '2026-12', title: null })).toBe('自愿多交（2026年12月）');
    expect(paidHow({ paidVia: 'wechat', paidAt: '2026-12-07T02:05:00.000Z' })).toBe('微信支付 · 2026-12-07 10:05');
    expect(paidHow({ paidVia: 'proxy', paidAt: null })).toBe('代缴');
    expect(paidHow({ paidVia: 'cash', paidAt: '2026-11-30T01:00:00.000Z' })).toBe('现金 · 2026-11-30 09:00');
  });
});
