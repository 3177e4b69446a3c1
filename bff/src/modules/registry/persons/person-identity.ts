import { normalizeMobile, parseIdNumber } from '@zhili/shared';
import type { FieldError, Gender, IdNumberProblem } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';

/**
 * Identity fields of a person (ID number, gender, birth date, phone): the checks every write path
 * (admin forms, Excel import, seeding) must agree on, as pure functions.
 */

const idProblemMessages: Record<IdNumberProblem, string> = {
  format: '身份证号应为 18 位，最后一位可以是数字或 X',
  region: '身份证号前两位不是有效的省级行政区划代码',
  birthDate: '身份证号中的出生日期无效',
  checkDigit: '身份证号校验位错误，请核对后重新输入',
};

/** The stored (and hashed) form of an ID number: trimmed, check character `x` upper-cased. */
export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

/** Throws VALIDATION_FAILED with one field error (the shape the admin forms show under the field). */
export function fieldError(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, [{ field, message }]);
}

export interface IdentityInput {
  idNumber?: string | null;
  gender?: Gender;
  birthDate?: string | null;
}

export interface ResolvedIdentity {
  /** Normalized ID number, or null when none is given. */
  idNumber: string | null;
  gender: Gender | undefined;
  birthDate: string | null | undefined;
}

/**
 * Validates an ID number per GB 11643 and derives birth date and gender from it. When the caller
 * also states gender or birth date they must agree with the number (a typo in either is caught).
 * Without an ID number the stated values are taken as they are.
 */
export function resolveIdentity(input: IdentityInput, today: Date = new Date()): ResolvedIdentity {
  const raw = input.idNumber?.trim() ? input.idNumber : null;
  if (!raw) return { idNumber: null, gender: input.gender, birthDate: input.birthDate };
  const idNumber = normalizeIdNumber(raw);
  const info = parseIdNumber(idNumber, today);
  if (!info.valid) throw fieldError('idNumber', idProblemMessages[info.problem ?? 'format']);
  const problems: FieldError[] = [];
  if (input.gender && input.gender !== info.gender) problems.push({ field: 'gender', message: '性别与身份证号不符' });
  if (input.birthDate && input.birthDate !== info.birthDate)
    problems.push({ field: 'birthDate', message: '出生日期与身份证号不符' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems[0].message, problems);
  return { idNumber, gender: info.gender, birthDate: info.birthDate };
}

/** A mainland mobile in its stored form, null for "no phone"; VALIDATION_FAILED for anything else. */
export function resolvePhone(raw: string | null | undefined): string | null {
  if (!raw?.trim()) return null;
  const phone = normalizeMobile(raw);
  if (!phone) throw fieldError('phone', '手机号格式不正确，应为 11 位大陆手机号');
  return phone;
}

/**
 * The normalized number a search box text stands for when it is a full ID number or mobile (to be
 * matched through the keyed hash); null when it is just a name.
 */
export function exactSearchNumber(q: string, today: Date = new Date()): string | null {
  const text = q.trim();
  if (/^\d{17}[\dXx]$/.test(text) && parseIdNumber(text, today).valid) return normalizeIdNumber(text);
  return /^[+\d\s-]+$/.test(text) ? normalizeMobile(text) : null;
}

/** Whether `YYYY-MM-DD` is a real calendar date. */
export function isCalendarDate(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}
