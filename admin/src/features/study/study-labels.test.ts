import { describe, expect, it } from 'vitest';
import { minutesText } from './study-labels';

describe('minutesText', () => {
  it.each([
    [null, '—'],
    [20_000, '20 秒'],
    [30 * 60_000, '30 分钟'],
    [60 * 60_000, '1 小时'],
    [65 * 60_000, '1 小时 5 分'],
  ])('%s ms → %s', (ms, text) => {
    expect(minutesText(ms)).toBe(text);
  });
});
