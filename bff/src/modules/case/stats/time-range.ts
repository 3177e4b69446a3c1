import { shanghaiDate } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The instant a Shanghai calendar day (YYYY-MM-DD) begins. */
export function shanghaiDayStart(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) - SHANGHAI_OFFSET_MS);
}

function parsed(value: string, field: string): Date {
  const at = DAY_ONLY.test(value) ? shanghaiDayStart(value) : new Date(value);
  if (Number.isNaN(at.getTime())) throw new AppError('VALIDATION_FAILED', undefined, [{ field, message: '日期无效' }]);
  return at;
}

/**
 * A `from` bound: a bare date means the start of that Shanghai day, an ISO instant itself.
 * Returns undefined for an empty value.
 */
export function fromBound(value: string | undefined, field = 'from'): Date | undefined {
  return value ? parsed(value, field) : undefined;
}

/**
 * An exclusive `to` bound: a bare date includes that whole Shanghai day (the bound is the next
 * day's start), an ISO instant is taken as is.
 */
export function toBound(value: string | undefined, field = 'to'): Date | undefined {
  if (!value) return undefined;
  const at = parsed(value, field);
  return DAY_ONLY.test(value) ? new Date(at.getTime() + DAY_MS) : at;
}

/** The Shanghai dates from the day of `from` to the day of `to` (exclusive bound), oldest first. */
export function shanghaiDays(from: Date, toExclusive: Date): string[] {
  const days: string[] = [];
  const last = shanghaiDate(toExclusive.getTime() - 1);
  for (let day = shanghaiDate(from); day <= last; day = shanghaiDate(shanghaiDayStart(day).getTime() + DAY_MS))
    days.push(day);
  return days;
}

export { DAY_MS };
