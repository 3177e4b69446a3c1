import type { AnswerKeyVO, ExamResponseVO, MemberQuestionVO } from '@zhili/shared/client';

/** `mm:ss` (or `h:mm:ss`) of a countdown; never negative. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${two(m)}:${two(s % 60)}`;
}

/** Whether a response says anything (an empty multiple choice or blank fill-in counts as unanswered). */
export function isAnswered(r: ExamResponseVO | null | undefined): boolean {
  if (!r) return false;
  if (r.type === 'multiple') return r.options.length > 0;
  if (r.type === 'fill') return r.blanks.some((b) => b.trim() !== '');
  return true;
}

/** The response after tapping option `id`: single/true-false replace, multiple toggles. */
export function tapOption(q: MemberQuestionVO, current: ExamResponseVO | null | undefined, id: string): ExamResponseVO {
  if (q.type === 'true_false') return { type: 'true_false', value: id === 'T' };
  if (q.type === 'multiple') {
    const chosen = current?.type === 'multiple' ? current.options : [];
    const next = chosen.includes(id) ? chosen.filter((o) => o !== id) : [...chosen, id];
    // In the paper's own option order, so the answer reads A, B, C.
    return { type: 'multiple', options: q.options.map((o) => o.id).filter((o) => next.includes(o)) };
  }
  return { type: 'single', option: id };
}

/** Whether option `id` is chosen in `r` (true/false use `T` / `F`). */
export function isChosen(r: ExamResponseVO | null | undefined, id: string): boolean {
  if (!r) return false;
  if (r.type === 'single') return r.option === id;
  if (r.type === 'multiple') return r.options.includes(id);
  if (r.type === 'true_false') return (id === 'T') === r.value;
  return false;
}

/** The options a member sees: true/false questions get 正确 / 错误. */
export function choicesOf(q: MemberQuestionVO): { id: string; text: string }[] {
  if (q.type === 'true_false')
    return [
      { id: 'T', text: '正确' },
      { id: 'F', text: '错误' },
    ];
  return q.options;
}

/** The right answer in words, for the result page and the wrong-answer book. */
export function keyText(key: AnswerKeyVO): string {
  if (key.type === 'single') return key.option;
  if (key.type === 'multiple') return key.options.join('、');
  if (key.type === 'true_false') return key.value ? '正确' : '错误';
  return key.blanks.map((b, i) => `第${i + 1}空：${b.join(' 或 ')}`).join('；');
}

/** A member's own answer in words. */
export function responseText(r: ExamResponseVO | null | undefined): string {
  if (!isAnswered(r) || !r) return '未作答';
  if (r.type === 'single') return r.option;
  if (r.type === 'multiple') return r.options.join('、');
  if (r.type === 'true_false') return r.value ? '正确' : '错误';
  return r.blanks.map((b) => b || '（空）').join('；');
}
