import { difficultyLabels, examStateLabels, questionTypeLabels } from '@zhili/shared';
import type { Difficulty, ExamState, QuestionType } from '@zhili/shared';

/** Select options of the exam pages, from the shared labels. */
export const typeOptions = (Object.keys(questionTypeLabels) as QuestionType[]).map((value) => ({
  value,
  label: questionTypeLabels[value],
}));
export const difficultyOptions = (Object.keys(difficultyLabels) as Difficulty[]).map((value) => ({
  value,
  label: difficultyLabels[value],
}));
export const stateOptions = (Object.keys(examStateLabels) as ExamState[]).map((value) => ({
  value,
  label: examStateLabels[value],
}));
export const stateTagType: Record<ExamState, 'info' | 'warning' | 'success' | 'primary'> = {
  draft: 'info',
  upcoming: 'warning',
  open: 'success',
  closed: 'primary',
};

/** A percentage from a permille, one decimal. */
export const percent = (permille: number) => `${(permille / 10).toFixed(1)}%`;

/** The width of a bar relative to the biggest count (0–100). */
export function barWidth(count: number, max: number): number {
  return max <= 0 ? 0 : Math.round((count / max) * 100);
}
