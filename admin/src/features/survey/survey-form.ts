import type { SurveyQuestionKind } from '@zhili/shared';

/** A question as the editor holds it (ids are given by the server). */
export interface DraftQuestion {
  kind: SurveyQuestionKind;
  title: string;
  required: boolean;
  options: string[];
}

/** The first problem of the question list in words the editor shows, or null. */
export function questionProblem(questions: readonly DraftQuestion[]): string | null {
  if (questions.length === 0) return '至少需要一道题';
  for (const [i, q] of questions.entries()) {
    const n = `第 ${i + 1} 题`;
    if (!q.title.trim()) return `${n}：请填写题目`;
    if (q.kind !== 'single' && q.kind !== 'multiple') continue;
    const options = q.options.map((o) => o.trim());
    if (options.some((o) => !o)) return `${n}：选项不能为空`;
    if (options.length < 2) return `${n}：至少需要 2 个选项`;
    if (new Set(options).size !== options.length) return `${n}：选项不能重复`;
  }
  return null;
}

/** Beijing's calendar day `days` from today, `YYYY-MM-DD`. */
export function beijingDay(days: number, now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
