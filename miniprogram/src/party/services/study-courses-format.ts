import type { MyCourseVO } from '@zhili/shared/client';

/** What a member reads about a course's state, in plain words (never only a colour). */
export const courseStateLabels: Record<MyCourseVO['state'], string> = {
  open: '可学习',
  not_open: '未开始',
  closed: '已结束',
  apply: '可申请选修',
  pending: '审核中',
  rejected: '未通过',
};

/** 2026-12-01 至 2026-12-31 · 长期开放 · 2026-12-01 起. */
export function courseDates(c: Pick<MyCourseVO, 'opensOn' | 'closesOn'>): string {
  if (c.opensOn && c.closesOn) return `${c.opensOn} 至 ${c.closesOn}`;
  if (c.opensOn) return `${c.opensOn} 起`;
  if (c.closesOn) return `截至 ${c.closesOn}`;
  return '长期开放';
}

/** 30 分钟 / 1 小时 5 分钟 for a lesson's length. */
export function lessonMinutes(ms: number | null): string {
  if (!ms) return '';
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} 分钟`;
  return `${Math.floor(minutes / 60)} 小时${minutes % 60 ? ` ${minutes % 60} 分钟` : ''}`;
}
