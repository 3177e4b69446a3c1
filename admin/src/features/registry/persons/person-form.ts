import type { FormItemRule } from 'element-plus';
import { isValidMobile, parseIdNumber, registryLimits, type IdNumberProblem } from '@zhili/shared';

/** Chinese explanation of why an ID number is refused (the BFF says the same). */
export const idProblemMessages: Record<IdNumberProblem, string> = {
  format: '身份证号应为 18 位（最后一位可为 X）',
  region: '身份证号前两位不是有效的省级行政区划代码',
  birthDate: '身份证号中的出生日期无效',
  checkDigit: '身份证号校验位错误，请核对',
};

type Validator = NonNullable<FormItemRule['validator']>;

/** Optional field; when filled it must be a valid ID number. */
export const idNumberValidator: Validator = (_rule, value: string, callback) => {
  if (!value) return callback();
  const info = parseIdNumber(value);
  return info.valid ? callback() : callback(new Error(idProblemMessages[info.problem ?? 'format']));
};

/** Optional mobile number. */
export const mobileValidator: Validator = (_rule, value: string, callback) =>
  !value || isValidMobile(value) ? callback() : callback(new Error('请输入正确的 11 位手机号'));

/** Mirrors the BFF's limits. */
export const personLimits = registryLimits;

/** Birth date and gender read from a valid ID number (the form fills them in). */
export function fromIdNumber(value: string): { birthDate: string; gender: 'male' | 'female' } | null {
  const info = parseIdNumber(value);
  return info.valid && info.birthDate && info.gender ? { birthDate: info.birthDate, gender: info.gender } : null;
}
