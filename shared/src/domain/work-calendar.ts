/**
 * Working time for SLA deadlines (工作时间): working days are Monday–Friday unless the holiday calendar
 * says otherwise (法定节假日 off, 调休 weekend days on), working periods are the town hall's office
 * hours, all in Asia/Shanghai (UTC+8, no daylight saving — so a fixed offset is exact).
 */
import { casePrioritySlaFactor, caseLimits } from './case';
import type { CasePriority } from './case';

export interface WorkCalendar {
  /** YYYY-MM-DD → listed exception; unlisted days follow the week. */
  days: Readonly<Record<string, 'holiday' | 'workday'>>;
  /** Office hours as ['HH:mm', 'HH:mm'] pairs, ascending; default 08:30–12:00 and 13:30–17:30. */
  periods?: readonly (readonly [string, string])[];
}

export const defaultWorkPeriods: readonly (readonly [string, string])[] = [
  ['08:30', '12:00'],
  ['13:30', '17:30'],
];

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Longest search for working time (a misconfigured calendar must not loop forever). */
const MAX_DAYS = 3660;

/** The Asia/Shanghai calendar date of an instant, as YYYY-MM-DD. */
export function shanghaiDate(at: Date | number): string {
  return new Date(+at + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The first Shanghai midnight after an instant (the end of its Shanghai calendar day). */
export function nextShanghaiMidnightMs(at: number): number {
  return Math.floor((at + SHANGHAI_OFFSET_MS) / DAY_MS + 1) * DAY_MS - SHANGHAI_OFFSET_MS;
}

/** The instant at which a Shanghai calendar date begins. */
function dayStartMs(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) - SHANGHAI_OFFSET_MS;
}

const nextDate = (date: string): string => shanghaiDate(dayStartMs(date) + DAY_MS);

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/** Whether people work on this Shanghai date. */
export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  const listed = cal.days[date];
  if (listed) return listed === 'workday';
  const weekday = new Date(dayStartMs(date) + SHANGHAI_OFFSET_MS).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

/** Working periods of one date as [start, end) instants (empty on a day off). */
function periodsOn(date: string, cal: WorkCalendar): [number, number][] {
  if (!isWorkingDay(date, cal)) return [];
  const start = dayStartMs(date);
  return (cal.periods ?? defaultWorkPeriods).map(([a, b]) => [
    start + minutesOf(a) * MINUTE_MS,
    start + minutesOf(b) * MINUTE_MS,
  ]);
}

/**
 * The instant `minutes` of working time after `start`. Time outside office hours does not count, so a
 * report at 20:00 on Friday before a holiday starts its clock on the next working morning.
 */
export function addWorkingMinutes(start: Date, minutes: number, cal: WorkCalendar): Date {
  let remaining = Math.max(0, minutes) * MINUTE_MS;
  let date = shanghaiDate(start);
  for (let i = 0; i < MAX_DAYS; i++, date = nextDate(date)) {
    for (const [s, e] of periodsOn(date, cal)) {
      const from = Math.max(s, +start);
      if (from >= e) continue;
      if (remaining <= e - from) return new Date(from + remaining);
      remaining -= e - from;
    }
  }
  throw new Error('Working calendar has no working time in ten years');
}

/** Working minutes between two instants (0 when `to` is not after `from`). */
export function workingMinutesBetween(from: Date, to: Date, cal: WorkCalendar): number {
  if (+to <= +from) return 0;
  let total = 0;
  let date = shanghaiDate(from);
  const lastDate = shanghaiDate(to);
  for (let i = 0; i < MAX_DAYS; i++, date = nextDate(date)) {
    for (const [s, e] of periodsOn(date, cal)) {
      const overlap = Math.min(e, +to) - Math.max(s, +from);
      if (overlap > 0) total += overlap;
    }
    if (date === lastDate) break;
  }
  return total / MINUTE_MS;
}

export interface CaseDeadlines {
  acceptDueAt: Date;
  dueAt: Date;
  /** When the SLA watcher warns (`caseLimits.warnAtFraction` of the span used). */
  warnAt: Date;
}

/**
 * Deadlines of a case submitted at `submittedAt`: resolution after `slaHours` working hours scaled by
 * the priority (urgent = a quarter), acceptance after `acceptHours` (scaled down for urgent and high
 * priorities only, never up).
 */
export function caseDeadlines(
  submittedAt: Date,
  slaHours: number,
  acceptHours: number,
  priority: CasePriority,
  cal: WorkCalendar,
): CaseDeadlines {
  const factor = casePrioritySlaFactor[priority];
  const span = slaHours * 60 * factor;
  return {
    acceptDueAt: addWorkingMinutes(submittedAt, acceptHours * 60 * Math.min(1, factor), cal),
    dueAt: addWorkingMinutes(submittedAt, span, cal),
    warnAt: addWorkingMinutes(submittedAt, span * caseLimits.warnAtFraction, cal),
  };
}
