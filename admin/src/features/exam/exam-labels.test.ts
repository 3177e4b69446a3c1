import { describe, expect, it } from 'vitest';
import { barWidth, percent, typeOptions } from './exam-labels';

describe('exam labels', () => {
  it('offers every question type with its Chinese label', () => {
    expect(typeOptions.map((o) => o.label)).toEqual(['单选题', '多选题', '判断题', '填空题']);
  });
  it('shows permille as a percentage and bars relative to the largest', () => {
    expect(percent(667)).toBe('66.7%');
    expect(barWidth(3, 6)).toBe(50);
    expect(barWidth(0, 0)).toBe(0);
  });
});
