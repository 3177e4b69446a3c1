import { courseStatusLabels, courseStatuses, enrolmentStatusLabels, enrolmentStatuses } from '@zhili/shared';
import type { CourseStatus, EnrolmentStatus } from '@zhili/shared';

/** Options and tag colours of the course and request states. */
export const courseStatusOptions = courseStatuses.map((s) => ({ value: s, label: courseStatusLabels[s] }));
export const courseStatusTag: Record<CourseStatus, 'info' | 'success' | 'warning'> = {
  draft: 'info',
  published: 'success',
  closed: 'warning',
};
export const requiredOptions = [
  { value: 'true', label: '必修' },
  { value: 'false', label: '选修' },
];
export const enrolmentStatusOptions = enrolmentStatuses.map((s) => ({ value: s, label: enrolmentStatusLabels[s] }));
export const enrolmentStatusTag: Record<EnrolmentStatus, 'warning' | 'success' | 'danger'> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
};

/** 30 分钟, 1 小时 5 分 — durations as staff read them. */
export function minutesText(ms: number | null): string {
  if (!ms) return '—';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return `${Math.round(ms / 1000)} 秒`;
  if (minutes < 60) return `${minutes} 分钟`;
  return `${Math.floor(minutes / 60)} 小时${minutes % 60 ? ` ${minutes % 60} 分` : ''}`;
}
