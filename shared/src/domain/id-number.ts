/**
 * Mainland resident ID numbers (居民身份证号码) per GB 11643-1999: 6-digit administrative division
 * code, 8-digit birth date, 3-digit sequence (odd = male), and an ISO 7064 MOD 11-2 check character.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** Province-level prefixes in use (GB/T 2260), used to reject numbers with an impossible region. */
const PROVINCE_PREFIXES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

export type IdNumberProblem = 'format' | 'region' | 'birthDate' | 'checkDigit';

export interface IdNumberInfo {
  valid: boolean;
  problem?: IdNumberProblem;
  /** ISO date `YYYY-MM-DD` when the birth date part is a real date. */
  birthDate?: string;
  gender?: 'male' | 'female';
  regionCode?: string;
}

/** Computes the check character for the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/**
 * Parses and validates an 18-character ID number. `today` bounds the birth date (no future births,
 * nobody older than 150 years).
 */
export function parseIdNumber(raw: string, today: Date = new Date()): IdNumberInfo {
  const value = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return { valid: false, problem: 'format' };
  const regionCode = value.slice(0, 6);
  if (!PROVINCE_PREFIXES.has(value.slice(0, 2))) return { valid: false, problem: 'region', regionCode };

  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  const realDate = birth.getUTCFullYear() === year && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
  const ageYears = today.getUTCFullYear() - year;
  if (!realDate || birth.getTime() > today.getTime() || ageYears > 150) {
    return { valid: false, problem: 'birthDate', regionCode };
  }
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const gender = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  if (idNumberCheckChar(value.slice(0, 17)) !== value[17]) {
    return { valid: false, problem: 'checkDigit', regionCode, birthDate, gender };
  }
  return { valid: true, regionCode, birthDate, gender };
}

export function isValidIdNumber(raw: string, today?: Date): boolean {
  return parseIdNumber(raw, today).valid;
}
