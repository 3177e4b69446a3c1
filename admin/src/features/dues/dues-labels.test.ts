import { describe, expect, it } from 'vitest';
import { billKindOptions, billStatusOptions, billStatusTag, duesKindOptions, yearChoices } from './dues-labels';

describe('dues labels', () => {
  it('offers next year first (bases for January are declared in December), then back', () => {
    expect(yearChoices(2026, 2)).toEqual([2027, 2026, 2025, 2024]);
  });

  it('names every bill status and kind, and marks only 未缴 as needing action', () => {
    expect(billStatusOptions.map((o) => o.label)).toEqual(['未缴', '已缴', '已减免', '已退款']);
    expect(billKindOptions.map((o) => o.label)).toEqual(['月度党费', '特殊党费', '自愿多交']);
    expect(Object.entries(billStatusTag).filter(([, tag]) => tag === 'danger')).toEqual([['unpaid', 'danger']]);
  });

  it('lists the six kinds of member of the 2008 rules', () => {
    expect(duesKindOptions.map((o) => o.label)).toEqual([
      '在职党员',
      '离退休党员',
      '农民党员',
      '学生党员',
      '下岗失业党员',
      '享受低保党员',
    ]);
  });
});
