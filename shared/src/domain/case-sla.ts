/**
 * The one definition of "overdue" (and "nearly late") of a case. The BFF computes it once per case
 * and sends it as `slaState` in every case view; the inbox's 只看超时 filter is the same rule in SQL
 * (status in `openCaseStatuses` and `due_at < now`). Front ends display the BFF's value and never
 * re-derive it, so the map, the inbox and the mini-program cannot disagree.
 *
 * Deadlines are working time (see `caseDeadlines` in work-calendar.ts): `dueAt` is the resolution
 * deadline and `warnAt` the point after `caseLimits.warnAtFraction` of the working-time span, both
 * fixed at intake (and when the priority changes), so comparing them with the wall clock is right.
 */
import { isCaseOpen } from './case';
import type { CaseStatus } from './case';

/**
 * - `on_time`: the clock runs and the warning point is not reached (or there is no deadline);
 * - `warning`: the clock runs and the warning point has passed ("nearly late", 即将超时);
 * - `overdue`: the clock runs and the resolution deadline has passed (已超时);
 * - `done`: the clock stopped — resolved (waiting for the reporter), closed, rejected or merged.
 *   A finished case is never overdue, however late it was finished (see `finishedLate`).
 */
export type CaseSlaState = 'on_time' | 'warning' | 'overdue' | 'done';
export const allCaseSlaStates: readonly CaseSlaState[] = ['on_time', 'warning', 'overdue', 'done'];

export const caseSlaStateLabels: Record<CaseSlaState, string> = {
  on_time: '正常',
  warning: '即将超时',
  overdue: '已超时',
  done: '已办结',
};

/** What the rule reads of a case. Times as Date, ISO string or epoch ms. */
export interface CaseSlaInput {
  status: CaseStatus;
  dueAt: Date | string | number | null;
  warnAt?: Date | string | number | null;
}

const ms = (t: Date | string | number): number => (typeof t === 'number' ? t : new Date(t).getTime());

/** The SLA state of a case at `now` (epoch ms or Date). */
export function caseSlaState(c: CaseSlaInput, now: Date | number): CaseSlaState {
  if (!isCaseOpen(c.status)) return 'done';
  if (c.dueAt === null || c.dueAt === undefined) return 'on_time';
  const at = ms(now);
  if (at > ms(c.dueAt)) return 'overdue';
  if (c.warnAt !== null && c.warnAt !== undefined && at >= ms(c.warnAt)) return 'warning';
  return 'on_time';
}

/** Whether a finished case was resolved after its deadline (超时办结); a fact of history, not a state. */
export function finishedLate(c: {
  dueAt: Date | string | number | null;
  resolvedAt: Date | string | number | null;
}): boolean {
  return c.dueAt !== null && c.resolvedAt !== null && ms(c.resolvedAt) > ms(c.dueAt);
}
