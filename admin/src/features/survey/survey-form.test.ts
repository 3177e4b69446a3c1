import { describe, expect, it } from 'vitest';
import { beijingDay, questionProblem } from './survey-form';

describe('questionProblem', () => {
  it('names the first question with a problem', () => {
    expect(questionProblem([])).toBe('至少需要一道题');
    expect(questionProblem([{ kind: 'text', title: ' ', required: true, options: [] }])).toBe('第 1 题：请填写题目');
    expect(
      questionProblem([
        { kind: 'rating', title: '打分', required: true, options: [] },
        { kind: 'single', title: '选择', required: true, options: ['是', ' '] },
      ]),
    ).toBe('第 2 题：选项不能为空');
    expect(questionProblem([{ kind: 'multiple', title: '选择', required: true, options: ['是', '是'] }])).toBe(
      '第 1 题：选项不能重复',
    );
    expect(questionProblem([{ kind: 'single', title: '选择', required: true, options: ['是', '否'] }])).toBeNull();
  });

  it('counts days on the Beijing calendar', () => {
    expect(beijingDay(0, new Date('2026-12-06T17:00:00Z'))).toBe('2026-12-07');
    expect(beijingDay(1, new Date('2026-12-06T15:00:00Z'))).toBe('2026-12-07');
  });
});
