import type { AnswerKey, ExamResponse, QuestionType } from './exam-rules';

/**
 * The question bank and exams as pure rules (#15): limits the forms and the BFF share, what makes a
 * question valid (a single-choice has exactly one right option…), the answer key it is graded by, the
 * state of an exam at an instant, and the numbers of a teacher's analysis (score buckets, items).
 */

export const examLimits = {
  category: { max: 20 },
  stem: { max: 500 },
  option: { max: 200 },
  options: { min: 2, max: 8 },
  blanks: { min: 1, max: 5 },
  accepted: { min: 1, max: 10 },
  acceptedText: { max: 50 },
  explanation: { max: 1000 },
  title: { max: 60 },
  description: { max: 500 },
  pointsEach: { min: 1, max: 20 },
  questions: { min: 1, max: 100 },
  sections: { max: 10 },
  timeLimitMinutes: { min: 1, max: 240 },
  attempts: { min: 1, max: 20 },
  practice: { min: 1, max: 50, default: 10 },
  importRows: { max: 2000 },
  importBytes: { max: 5 * 1024 * 1024 },
  /** A submission this late past the deadline is still taken (network), never shown to the member. */
  graceSeconds: 30,
  /** Right answers in a row that take a question out of the wrong-answer book. */
  wrongBookClearAfter: 2,
} as const;

export const Difficulty = { Easy: 'easy', Medium: 'medium', Hard: 'hard' } as const;
export type Difficulty = (typeof Difficulty)[keyof typeof Difficulty];
export const difficultyLabels: Record<Difficulty, string> = { easy: '容易', medium: '中等', hard: '较难' };

/** A question as a form sends it: options with their right flags, the truth of a 判断题, the blanks of a 填空题. */
export interface QuestionDraft {
  type: QuestionType;
  options?: readonly { text: string; correct: boolean }[] | null;
  truth?: boolean | null;
  blanks?: readonly (readonly string[])[] | null;
  partialCredit?: boolean | null;
}

/** Option ids of a question: A, B, C… in the order written. */
export const optionId = (index: number): string => String.fromCharCode(65 + index);

/** What is wrong with a draft (field and Chinese reason), or null when it can be saved. */
export function questionProblem(q: QuestionDraft): { field: string; message: string } | null {
  const options = q.options ?? [];
  if (q.type === 'single' || q.type === 'multiple') {
    if (options.length < examLimits.options.min) return { field: 'options', message: '选择题至少需要 2 个选项' };
    if (options.length > examLimits.options.max) return { field: 'options', message: '选择题最多 8 个选项' };
    const texts = options.map((o) => o.text.trim());
    if (texts.some((t) => t === '')) return { field: 'options', message: '选项内容不能为空' };
    if (new Set(texts).size !== texts.length) return { field: 'options', message: '选项内容有重复' };
    const right = options.filter((o) => o.correct).length;
    if (q.type === 'single' && right !== 1) return { field: 'options', message: '单选题须有且只有 1 个正确选项' };
    if (q.type === 'multiple' && right < 2) return { field: 'options', message: '多选题至少需要 2 个正确选项' };
    return null;
  }
  if (options.length > 0) return { field: 'options', message: '判断题和填空题没有选项' };
  if (q.type === 'true_false') {
    return typeof q.truth === 'boolean' ? null : { field: 'truth', message: '请选择判断题的正确答案（对或错）' };
  }
  const blanks = q.blanks ?? [];
  if (blanks.length < examLimits.blanks.min) return { field: 'blanks', message: '填空题至少需要 1 个空' };
  if (blanks.length > examLimits.blanks.max) return { field: 'blanks', message: '填空题最多 5 个空' };
  for (const [i, accepted] of blanks.entries()) {
    const texts = accepted.map((a) => a.trim()).filter(Boolean);
    if (texts.length === 0) return { field: 'blanks', message: `第 ${i + 1} 个空请填写答案` };
  }
  return null;
}

/** The answer key of a valid draft (run `questionProblem` first). */
export function keyOfDraft(q: QuestionDraft): AnswerKey {
  const options = q.options ?? [];
  const right = options.flatMap((o, i) => (o.correct ? [optionId(i)] : []));
  switch (q.type) {
    case 'single':
      return { type: 'single', option: right[0] };
    case 'multiple':
      return { type: 'multiple', options: right, partialCredit: !!q.partialCredit };
    case 'true_false':
      return { type: 'true_false', value: !!q.truth };
    case 'fill':
      return {
        type: 'fill',
        blanks: (q.blanks ?? []).map((b) => b.map((a) => a.trim()).filter(Boolean)),
        partialCredit: !!q.partialCredit,
      };
  }
}

/** Whether a response fits a question: its type, its options, its number of blanks. */
export function responseFits(
  q: { type: QuestionType; optionIds: readonly string[]; blankCount: number },
  r: ExamResponse,
): boolean {
  if (r.type !== q.type) return false;
  if (r.type === 'single') return q.optionIds.includes(r.option);
  if (r.type === 'multiple')
    return new Set(r.options).size === r.options.length && r.options.every((o) => q.optionIds.includes(o));
  if (r.type === 'fill') return r.blanks.length === q.blankCount;
  return true;
}

export const ExamState = { Draft: 'draft', Upcoming: 'upcoming', Open: 'open', Closed: 'closed' } as const;
export type ExamState = (typeof ExamState)[keyof typeof ExamState];
export const examStateLabels: Record<ExamState, string> = {
  draft: '草稿',
  upcoming: '未开始',
  open: '进行中',
  closed: '已结束',
};

/** The state of an exam at `now` (epoch ms). */
export function examState(
  exam: { published: boolean; opensAt: number; closesAt: number | null },
  now: number,
): ExamState {
  if (!exam.published) return 'draft';
  if (now < exam.opensAt) return 'upcoming';
  if (exam.closesAt !== null && now >= exam.closesAt) return 'closed';
  return 'open';
}

/**
 * Score buckets of a distribution: ten equal bands of the full score (the last one includes the full
 * score), each with how many scores fall in it.
 */
export function scoreBuckets(
  scores: readonly number[],
  maxScore: number,
): { from: number; to: number; count: number }[] {
  const bands = Math.min(10, Math.max(1, maxScore));
  const width = maxScore / bands;
  const buckets = Array.from({ length: bands }, (_, i) => ({
    from: Math.round(i * width),
    to: i === bands - 1 ? maxScore : Math.round((i + 1) * width) - 1,
    count: 0,
  }));
  for (const score of scores) {
    const i = Math.min(bands - 1, Math.max(0, Math.floor(score / width)));
    buckets[i].count += 1;
  }
  return buckets;
}

/** The wrong option chosen most often (ties: the first in option order), or null when none was. */
export function mostChosenWrong(
  key: AnswerKey,
  optionIds: readonly string[],
  responses: readonly (ExamResponse | null)[],
): { optionId: string; count: number } | null {
  if (key.type !== 'single' && key.type !== 'multiple') return null;
  const right = new Set(key.type === 'single' ? [key.option] : key.options);
  const counts = new Map<string, number>();
  for (const r of responses) {
    const chosen = r?.type === 'single' ? [r.option] : r?.type === 'multiple' ? r.options : [];
    for (const o of chosen) if (!right.has(o)) counts.set(o, (counts.get(o) ?? 0) + 1);
  }
  let best: { optionId: string; count: number } | null = null;
  for (const id of optionIds) {
    const count = counts.get(id) ?? 0;
    if (count > 0 && (!best || count > best.count)) best = { optionId: id, count };
  }
  return best;
}
