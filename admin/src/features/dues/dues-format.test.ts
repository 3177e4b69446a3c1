import { describe, expect, it } from 'vitest';
import {
  beijingMonth,
  beijingTime,
  duesPreview,
  fenFromYuan,
  monthText,
  rateText,
  yuan,
  yuanInput,
} from './dues-format';

describe('dues money and dates', () => {
  it('shows fen as yuan with grouping and two decimals', () => {
    expect(yuan(0)).toBe('¥0.00');
    expect(yuan(20)).toBe('¥0.20');
    expect(yuan(4321)).toBe('¥43.21');
    expect(yuan(123456789)).toBe('¥1,234,567.89');
    expect(yuan(-20)).toBe('-¥0.20');
  });

  it('reads typed yuan into exact fen and refuses what is not an amount', () => {
    expect(fenFromYuan('0.29')).toBe(29);
    expect(fenFromYuan('12')).toBe(1200);
    expect(fenFromYuan('12.3')).toBe(1230);
    expect(fenFromYuan(' 4,321.23 ')).toBe(432123);
    for (const bad of ['', 'abc', '1.234', '-5', '1e3', '.5', '12.']) expect(fenFromYuan(bad)).toBeNull();
    expect(yuanInput(1230)).toBe('12.30');
    expect(yuanInput(null)).toBe('');
  });

  it('uses the Beijing calendar for this month and times', () => {
    // 16:30 UTC on 31 December is already 1 January in Beijing.
    expect(beijingMonth(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01');
    expect(beijingMonth(new Date('2026-12-31T15:59:00Z'))).toBe('2026-12');
    expect(beijingTime('2026-12-07T02:05:00.000Z')).toBe('2026-12-07 10:05');
    expect(beijingTime(null)).toBe('—');
    expect(monthText('2026-03')).toBe('2026年3月');
  });

  it('gives rates with one decimal and a dash when nobody is counted', () => {
    expect(rateText(7, 8)).toBe('87.5%');
    expect(rateText(1, 3)).toBe('33.3%');
    expect(rateText(0, 0)).toBe('—');
  });

  it('previews the monthly amount per the 2008 rules, waiting for a valid income where one is needed', () => {
    expect(duesPreview('employed', '4321.23')?.dueFen).toBe(4321);
    expect(duesPreview('employed', '3000')?.dueFen).toBe(1500);
    expect(duesPreview('retired', '6000')?.dueFen).toBe(6000);
    expect(duesPreview('employed', '')).toBeNull();
    expect(duesPreview('employed', '12.345')).toBeNull();
    expect(duesPreview('student', '')?.dueFen).toBe(20);
    expect(duesPreview('farmer', '', 50)?.dueFen).toBe(50);
  });
});
