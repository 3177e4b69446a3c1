import { examState, keyOfDraft, mostChosenWrong, questionProblem, responseFits, scoreBuckets } from './exam-bank';

const opts = (...right: boolean[]) => right.map((correct, i) => ({ text: `选项${i}`, correct }));

describe('questionProblem', () => {
  it.each([
    [{ type: 'single', options: opts(true, false) }, null],
    [{ type: 'single', options: opts(true, true) }, '单选题须有且只有 1 个正确选项'],
    [{ type: 'single', options: opts(false, false) }, '单选题须有且只有 1 个正确选项'],
    [{ type: 'single', options: opts(true) }, '选择题至少需要 2 个选项'],
    [{ type: 'multiple', options: opts(true, false, false) }, '多选题至少需要 2 个正确选项'],
    [{ type: 'multiple', options: opts(true, true, false) }, null],
    [
      {
        type: 'multiple',
        options: [
          { text: '甲', correct: true },
          { text: '甲', correct: true },
        ],
      },
      '选项内容有重复',
    ],
    [{ type: 'true_false', truth: null }, '请选择判断题的正确答案（对或错）'],
    [{ type: 'true_false', truth: false }, null],
    [{ type: 'true_false', truth: true, options: opts(true, false) }, '判断题和填空题没有选项'],
    [{ type: 'fill', blanks: [] }, '填空题至少需要 1 个空'],
    [{ type: 'fill', blanks: [['上海'], [' ']] }, '第 2 个空请填写答案'],
    [{ type: 'fill', blanks: [['上海', '沪']] }, null],
  ] as const)('%j → %s', (draft, message) => {
    expect(questionProblem(draft)?.message ?? null).toBe(message);
  });
});

describe('keyOfDraft', () => {
  it('letters the options and keeps the right ones', () => {
    expect(keyOfDraft({ type: 'single', options: opts(false, false, true) })).toEqual({ type: 'single', option: 'C' });
    expect(keyOfDraft({ type: 'multiple', options: opts(true, false, true), partialCredit: true })).toEqual({
      type: 'multiple',
      options: ['A', 'C'],
      partialCredit: true,
    });
    expect(keyOfDraft({ type: 'fill', blanks: [[' 上海 ', '']] })).toEqual({
      type: 'fill',
      blanks: [['上海']],
      partialCredit: false,
    });
  });
});

describe('responseFits', () => {
  const q = { type: 'multiple' as const, optionIds: ['A', 'B', 'C'], blankCount: 0 };
  it('refuses other types, unknown options, repeats and wrong blank counts', () => {
    expect(responseFits(q, { type: 'multiple', options: ['A', 'C'] })).toBe(true);
    expect(responseFits(q, { type: 'multiple', options: ['A', 'A'] })).toBe(false);
    expect(responseFits(q, { type: 'multiple', options: ['D'] })).toBe(false);
    expect(responseFits(q, { type: 'single', option: 'A' })).toBe(false);
    expect(responseFits({ type: 'fill', optionIds: [], blankCount: 2 }, { type: 'fill', blanks: ['a'] })).toBe(false);
  });
});

describe('examState', () => {
  it.each([
    [{ published: false, opensAt: 0, closesAt: null }, 5, 'draft'],
    [{ published: true, opensAt: 10, closesAt: null }, 5, 'upcoming'],
    [{ published: true, opensAt: 0, closesAt: 10 }, 5, 'open'],
    [{ published: true, opensAt: 0, closesAt: 10 }, 10, 'closed'],
  ] as const)('%j at %d → %s', (exam, now, state) => expect(examState(exam, now)).toBe(state));
});

describe('scoreBuckets', () => {
  it('puts the full score in the last band and counts every score once', () => {
    const buckets = scoreBuckets([0, 9, 10, 55, 99, 100, 100], 100);
    expect(buckets).toHaveLength(10);
    expect(buckets[0]).toEqual({ from: 0, to: 9, count: 2 });
    expect(buckets[1]).toEqual({ from: 10, to: 19, count: 1 });
    expect(buckets[9]).toEqual({ from: 90, to: 100, count: 3 });
    expect(buckets.reduce((s, b) => s + b.count, 0)).toBe(7);
  });
  it('has fewer bands than points for a tiny paper', () => {
    expect(scoreBuckets([0, 1, 2], 2)).toEqual([
      { from: 0, to: 0, count: 1 },
      { from: 1, to: 2, count: 2 },
    ]);
  });
});

describe('mostChosenWrong', () => {
  it('counts wrong options only, ties to the first in order', () => {
    const key = { type: 'multiple' as const, options: ['A', 'B'] };
    const responses = [
      { type: 'multiple' as const, options: ['A', 'D'] },
      { type: 'multiple' as const, options: ['C'] },
      { type: 'multiple' as const, options: ['D', 'C'] },
      null,
    ];
    expect(mostChosenWrong(key, ['A', 'B', 'C', 'D'], responses)).toEqual({ optionId: 'C', count: 2 });
    expect(mostChosenWrong({ type: 'true_false', value: true }, [], [])).toBeNull();
    expect(mostChosenWrong({ type: 'single', option: 'A' }, ['A', 'B'], [{ type: 'single', option: 'A' }])).toBeNull();
  });
});
