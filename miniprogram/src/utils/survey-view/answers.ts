import type { SurveyAnswerInput, SurveyQuestionVO } from '@zhili/shared/client';

/** What a person has filled in so far, by question id. */
export interface Draft {
  [questionId: string]: { choices?: number[]; rating?: number; text?: string };
}

/** The first required question left open (1-based number), or null when the sheet may be sent. */
export function firstMissing(questions: readonly SurveyQuestionVO[], draft: Draft): number | null {
  const i = questions.findIndex((q) => {
    if (!q.required) return false;
    const a = draft[q.id];
    if (q.kind === 'rating') return !a?.rating;
    if (q.kind === 'text') return !a?.text?.trim();
    return !a?.choices?.length;
  });
  return i < 0 ? null : i + 1;
}

/** The draft as the BFF takes it: only what was answered, texts trimmed. */
export function toAnswerInput(questions: readonly SurveyQuestionVO[], draft: Draft): SurveyAnswerInput {
  const answers: SurveyAnswerInput['answers'] = [];
  for (const q of questions) {
    const a = draft[q.id];
    if (!a) continue;
    if ((q.kind === 'single' || q.kind === 'multiple') && a.choices?.length)
      answers.push({ questionId: q.id, choices: a.choices });
    else if (q.kind === 'rating' && a.rating) answers.push({ questionId: q.id, rating: a.rating });
    else if (q.kind === 'text' && a.text?.trim()) answers.push({ questionId: q.id, text: a.text.trim() });
  }
  return { answers };
}

/** Toggles option `i` of a multiple-choice answer (kept sorted). */
export function toggleChoice(choices: readonly number[] | undefined, i: number): number[] {
  const set = new Set(choices ?? []);
  if (set.has(i)) set.delete(i);
  else set.add(i);
  return [...set].sort((a, b) => a - b);
}
