import { appraisalGradeScores, surveyPhase } from './survey-rules';
import { appraisalVoteRefusal } from './appraisal-score';

describe('surveyPhase', () => {
  const s = { status: 'published' as const, opensOn: '2026-12-01', closesOn: '2026-12-10' };
  it.each([
    ['2026-11-30', 'upcoming'],
    ['2026-12-01', 'open'],
    ['2026-12-10', 'open'],
    ['2026-12-11', 'ended'],
  ])('on %s a published survey is %s (both days inclusive)', (today, phase) => {
    expect(surveyPhase(s, today)).toBe(phase);
  });
  it('keeps drafts upcoming and closed ones ended whatever the day', () => {
    expect(surveyPhase({ ...s, status: 'draft' }, '2026-12-05')).toBe('upcoming');
    expect(surveyPhase({ ...s, status: 'closed' }, '2026-12-05')).toBe('ended');
  });
});

describe('appraisal grades', () => {
  it('map to scores the appraisal rule accepts', () => {
    for (const score of Object.values(appraisalGradeScores)) expect(appraisalVoteRefusal(score)).toBeNull();
  });
});
