import { randomBytes } from 'crypto';

/**
 * Binding codes: 8 characters from a 32-symbol alphabet without the look-alikes 0/O and 1/I
 * (40 bits). Typed by hand from a printout or scanned from the QR code, whose text is
 * `ZHILI-BIND:<code>` so a scanner can tell our codes from any other QR code.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;
export const QR_PREFIX = 'ZHILI-BIND:';
export const CODE_TTL_MS = 72 * 3600 * 1000;

/** Hash domain of binding codes in PiiCipher.digest (keyed: no offline guessing from a dump). */
export const CODE_HASH_PURPOSE = 'binding-code';

export function generateCode(): string {
  // 256 is a multiple of 32, so `byte & 31` is uniform.
  return Array.from(randomBytes(CODE_LENGTH), (b) => CODE_ALPHABET[b & 31]).join('');
}

/**
 * What the user typed or scanned → a canonical code, or null when it cannot be one. Lower case,
 * spaces and dashes are forgiven; the look-alikes are not mapped silently (a typo stays a typo).
 */
export function normalizeCode(input: string): string | null {
  const raw = input.trim().toUpperCase();
  const body = raw.startsWith(QR_PREFIX) ? raw.slice(QR_PREFIX.length) : raw;
  const code = body.replace(/[\s-]/g, '');
  if (code.length !== CODE_LENGTH) return null;
  return [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}
