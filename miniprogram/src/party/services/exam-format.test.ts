import type { MemberQuestionVO } from '@zhili/shared/client';
import { formatCountdown, isAnswered, isChosen, keyText, tapOption } from './exam-format';

const q = (type: MemberQuestionVO['type']): MemberQuestionVO => ({
  id: 'q',
  type,
  category: '党章',
  stem: '题',
  options: ['A', 'B', 'C'].map((id) => ({ id, text: id })),
  blankCount: 0,
  points: 5,
});

describe('exam-format', () => {
  it('counts down as mm:ss and h:mm:ss', () => {
    expect(formatCountdown(1199)).toBe('19:59');
    expect(formatCountdown(3725)).toBe('1:02:05');
    expect(formatCountdown(-3)).toBe('00:00');
  });
  it('toggles multiple choices in option order and replaces single ones', () => {
    let r = tapOption(q('multiple'), null, 'C');
    r = tapOption(q('multiple'), r, 'A');
    expect(r).toEqual({ type: 'multiple', options: ['A', 'C'] });
    expect(tapOption(q('multiple'), r, 'C')).toEqual({ type: 'multiple', options: ['A'] });
    expect(tapOption(q('single'), r, 'B')).toEqual({ type: 'single', option: 'B' });
    expect(isChosen(tapOption(q('true_false'), null, 'F'), 'F')).toBe(true);
  });
  it('treats empty answers as unanswered and words the key', () => {
    expect(isAnswered({ type: 'multiple', options: [] })).toBe(false);
    expect(isAnswered({ type: 'fill', blanks: [' '] })).toBe(false);
    expect(keyText({ type: 'fill', blanks: [['上海', '沪']] })).toBe('第1空：上海 或 沪');
  });
});
