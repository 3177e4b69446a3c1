/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters from 0-9 and A-Z without
 * I, O, S, V, Z; a registration-authority code, organisation type, 6-digit region, 9-character
 * organisation code and a check character (mod 31). Some early codes fail the check digit, so a bad
 * check is a warning, not a rejection.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export interface CreditCodeCheck {
  /** Acceptable: well-formed (the check digit may still be wrong, see `checkDigitOk`). */
  valid: boolean;
  checkDigitOk: boolean;
  /** Set when the check digit is wrong on an otherwise well-formed code. */
  warning?: string;
}

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export function checkCreditCode(raw: string): CreditCodeCheck {
  const code = raw.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return { valid: false, checkDigitOk: false };
  const ok = creditCodeCheckChar(code.slice(0, 17)) === code[17];
  return ok
    ? { valid: true, checkDigitOk: true }
    : { valid: true, checkDigitOk: false, warning: '统一社会信用代码校验位不符，请核对' };
}
