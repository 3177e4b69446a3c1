/**
 * The teacher's view of a required course (进度分析): where a member should be by a given day, where
 * they are, and whether they are behind (落后). Dates are Beijing calendar days (YYYY-MM-DD).
 */

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * The progress (per mille) a member is expected to have at the START of `today`, growing linearly
 * over the course's days: 0 on the opening day and before it, 1000 the day after the closing day
 * and later, so the last day still counts as time to finish (a 10-day course expects 500 on its 6th
 * day). Without a close date there is no schedule to fall behind: 0 (nobody is a laggard); without
 * an open date the course counts from `publishedOn` (the day it was published), or expects 0.
 */
export function expectedProgressPermille(
  course: { opensOn: string | null; closesOn: string | null; publishedOn?: string | null },
  today: string,
): number {
  const opensOn = course.opensOn ?? course.publishedOn ?? null;
  if (!course.closesOn || !opensOn) return 0;
  if (today <= opensOn) return 0;
  if (today > course.closesOn) return 1000;
  const totalDays = daysFrom(opensOn, course.closesOn) + 1;
  if (totalDays <= 0) return 1000;
  return Math.min(1000, Math.floor((daysFrom(opensOn, today) * 1000) / totalDays));
}

/** One lesson as the course progress needs it: its required study time and the member's per mille. */
export interface LessonStanding {
  requiredMs: number;
  permille: number;
}

/**
 * A member's progress in a course (per mille), each lesson weighted by its required study time (a
 * 40-minute video counts more than a 5-minute article); lessons that require no time count as one
 * equal share each when every lesson is so. A course without lessons is 0.
 */
export function courseProgressPermille(lessons: readonly LessonStanding[]): number {
  if (lessons.length === 0) return 0;
  const total = lessons.reduce((s, l) => s + Math.max(0, l.requiredMs), 0);
  if (total === 0) return Math.floor(lessons.reduce((s, l) => s + l.permille, 0) / lessons.length);
  const done = lessons.reduce((s, l) => s + Math.max(0, l.requiredMs) * Math.min(1000, l.permille), 0);
  return Math.floor(done / total);
}

/** Behind schedule: strictly below the expected progress (a member exactly on schedule is not behind). */
export function isBehind(progressPermille: number, expectedPermille: number): boolean {
  return progressPermille < expectedPermille;
}

/** How long a member is left alone after a study reminder. */
export const STUDY_REMINDER_INTERVAL_MS = DAY_MS;
