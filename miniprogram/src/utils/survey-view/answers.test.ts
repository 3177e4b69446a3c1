import type { SurveyQuestionVO } from '@zhili/shared/client';
import { firstMissing, toAnswerInput, toggleChoice } from './answers';

const questions: SurveyQuestionVO[] = [
  { id: 'q1', kind: 'single', title: '满意吗', required: true, options: ['满意', '不满意'] },
  { id: 'q2', kind: 'rating', title: '打分', required: true, options: [] },
  { id: 'q3', kind: 'text', title: '意见', required: false, options: [] },
];

describe('survey answers', () => {
  it('finds the first required question left open', () => {
    expect(firstMissing(questions, {})).toBe(1);
    expect(firstMissing(questions, { q1: { choices: [0] } })).toBe(2);
    expect(firstMissing(questions, { q1: { choices: [0] }, q2: { rating: 4 } })).toBeNull();
  });

  it('sends only what was answered', () => {
    expect(toAnswerInput(questions, { q1: { choices: [1] }, q2: { rating: 3 }, q3: { text: '  ' } })).toEqual({
      answers: [
        { questionId: 'q1', choices: [1] },
        { questionId: 'q2', rating: 3 },
      ],
    });
  });

  it('toggles choices', () => {
    expect(toggleChoice([2], 0)).toEqual([0, 2]);
    expect(toggleChoice([0, 2], 2)).toEqual([0]);
  });
});
