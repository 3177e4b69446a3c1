import type { SurveyAnswerInput, SurveyQuestionResultVO, SurveyQuestionVO } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import type { StoredAnswer } from './survey.entity';

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', undefined, [{ field, message }]);

/**
 * The answer sheet checked against the survey's questions: every answer names a question of this
 * survey (once), fits its kind (one option for 单选, options that exist, a rating 1–5, a text), and
 * every required question is answered. Blank texts and empty choices count as not answered.
 */
export function checkAnswers(questions: readonly SurveyQuestionVO[], input: SurveyAnswerInput): StoredAnswer[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  const stored: StoredAnswer[] = [];
  input.answers.forEach((answer, i) => {
    const field = `answers.${i}`;
    const question = byId.get(answer.questionId);
    if (!question) throw invalid(`${field}.questionId`, '题目不存在');
    if (seen.has(question.id)) throw invalid(`${field}.questionId`, '同一道题只能回答一次');
    seen.add(question.id);
    const extra =
      (question.kind !== 'single' && question.kind !== 'multiple' && answer.choices !== undefined) ||
      (question.kind !== 'rating' && answer.rating !== undefined) ||
      (question.kind !== 'text' && answer.text !== undefined);
    if (extra) throw invalid(field, '答案与题型不符');
    if (question.kind === 'single' || question.kind === 'multiple') {
      const choices = [...new Set(answer.choices ?? [])].sort((a, b) => a - b);
      if (choices.some((c) => c >= question.options.length)) throw invalid(`${field}.choices`, '选项不存在');
      if (question.kind === 'single' && choices.length > 1) throw invalid(`${field}.choices`, '单选题只能选一项');
      if (choices.length > 0) stored.push({ questionId: question.id, choices });
    } else if (question.kind === 'rating') {
      if (answer.rating !== undefined) stored.push({ questionId: question.id, rating: answer.rating });
    } else if (answer.text) stored.push({ questionId: question.id, text: answer.text });
  });
  const answered = new Set(stored.map((a) => a.questionId));
  const missing = questions.findIndex((q) => q.required && !answered.has(q.id));
  if (missing >= 0) throw invalid('answers', `第 ${missing + 1} 题为必答题，请先作答`);
  return stored;
}

/** Percent with one decimal, half up (2 of 3 → 66.7). */
const percent = (count: number, total: number) => (total === 0 ? 0 : Math.round((count * 1000) / total) / 10);

/**
 * Per-question tallies of all responses. `names` maps a response id to the respondent's name for
 * named surveys; anonymous surveys pass none, so their texts come without names.
 */
export function tallyResults(
  questions: readonly SurveyQuestionVO[],
  responses: readonly { id: string; answers: readonly StoredAnswer[] }[],
  names: ReadonlyMap<string, string> = new Map(),
): SurveyQuestionResultVO[] {
  return questions.map((q) => {
    const answers = responses.flatMap((r) =>
      r.answers.filter((a) => a.questionId === q.id).map((a) => ({ responseId: r.id, answer: a })),
    );
    const counts = q.options.map(() => 0);
    const ratingCounts = [0, 0, 0, 0, 0];
    let ratingSum = 0;
    for (const { answer } of answers) {
      for (const c of answer.choices ?? []) if (c < counts.length) counts[c] += 1;
      if (answer.rating !== undefined) {
        ratingCounts[answer.rating - 1] += 1;
        ratingSum += answer.rating;
      }
    }
    const rated = ratingCounts.reduce((a, b) => a + b, 0);
    return {
      id: q.id,
      kind: q.kind,
      title: q.title,
      answered: answers.length,
      options: q.options.map((label, i) => ({ label, count: counts[i], percent: percent(counts[i], answers.length) })),
      ratingAverage: q.kind === 'rating' && rated > 0 ? Math.round((ratingSum * 100) / rated) / 100 : null,
      ratingCounts: q.kind === 'rating' ? ratingCounts : [],
      texts: answers
        .filter(({ answer }) => !!answer.text)
        .map(({ responseId, answer }) => ({ text: answer.text ?? '', name: names.get(responseId) ?? null }))
        .reverse(),
    };
  });
}
