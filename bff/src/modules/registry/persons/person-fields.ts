import type { HukouType, PermitStatus } from '@zhili/shared';
import type { Region } from '../../region';
import type { Person } from '../entities';
import { fieldError, isCalendarDate } from './person-identity';

/** Floating-population fields as a write may carry them. */
export interface FloatingInput {
  origin?: string | null;
  arrivalDate?: string | null;
  permitStatus?: PermitStatus | null;
  permitExpiry?: string | null;
}

const FLOATING_KEYS = ['origin', 'arrivalDate', 'permitStatus', 'permitExpiry'] as const;

/** '' and null both mean "no value" on the wire. */
export const blankToNull = (v: string | null | undefined): string | null | undefined =>
  v === undefined ? undefined : v?.trim() ? v.trim() : null;

/** Checks that a YYYY-MM-DD is a real date (and not in the future when `notAfter` is given). */
export function checkDay(field: string, day: string | null | undefined, notAfter?: string): void {
  if (!day) return;
  if (!isCalendarDate(day)) throw fieldError(field, '日期无效');
  if (notAfter && day > notAfter) throw fieldError(field, '日期不能晚于今天');
}

/**
 * Applies the floating fields for the person's (new) household registration type: they only mean
 * something for floating residents, so a local resident with any of them is refused, and becoming
 * local clears them. A floating resident's permit status defaults to 未办理.
 */
export function applyFloating(person: Person, hukouType: HukouType, input: FloatingInput, today: string): void {
  if (hukouType === 'local') {
    const given = FLOATING_KEYS.find((k) => blankToNull(input[k]) != null);
    if (given) throw fieldError(given, '户籍人口无需填写流动人口信息（来源地、来本地日期、居住证）');
    person.origin = null;
    person.arrivalDate = null;
    person.permitStatus = null;
    person.permitExpiry = null;
    return;
  }
  checkDay('arrivalDate', blankToNull(input.arrivalDate), today);
  checkDay('permitExpiry', blankToNull(input.permitExpiry));
  if (input.origin !== undefined) person.origin = blankToNull(input.origin) ?? null;
  if (input.arrivalDate !== undefined) person.arrivalDate = blankToNull(input.arrivalDate) ?? null;
  if (input.permitStatus !== undefined) person.permitStatus = input.permitStatus;
  if (input.permitExpiry !== undefined) person.permitExpiry = blankToNull(input.permitExpiry) ?? null;
  person.permitStatus ??= 'none';
}

/** Persons are registered to a village/community or one of its grids, never to the town itself. */
export function checkPersonRegion(region: Region): void {
  if (region.level === 'town') throw fieldError('regionId', '人员须登记到村（社区）或网格');
}
