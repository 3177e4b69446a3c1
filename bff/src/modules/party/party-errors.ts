import { AppError } from '../../core/errors/app-error';

/** A 400 naming the field, worded for the form that sent it. */
export const invalid = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', undefined, [{ field, message }]);

/** A rule of the party's regulations refused the act (409, the rule's own Chinese words). */
export const refused = (rule: string, message: string) =>
  new AppError('PARTY_RULE_REFUSED', message, [{ field: 'rule', message: rule }]);

/** The day an act happened may be today at the latest (Beijing time). */
export function checkNotFuture(field: string, day: string | null | undefined, today: string): void {
  if (day && day > today) throw invalid(field, '日期不能晚于今天');
}
