import { randomInt } from 'crypto';
import { checkPassword } from '@zhili/shared';

// Look-alike characters (0/O, 1/l/I) are left out: the password is read off a screen and typed once.
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '!@#$%*-_+=?';
const ALL = UPPER + LOWER + DIGITS + SYMBOLS;

const pick = (alphabet: string): string => alphabet[randomInt(alphabet.length)];

/**
 * A random initial or temporary password that satisfies the staff password policy for `username`
 * (all four character classes, 14 characters ≈ 88 bits). It is shown once to the administrator and
 * must be changed at the first login.
 */
export function randomInitialPassword(username: string, length = 14): string {
  for (;;) {
    const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
    while (chars.length < length) chars.push(pick(ALL));
    // Fisher–Yates with a CSPRNG, so the class positions are not predictable.
    for (let i = chars.length - 1; i > 0; i -= 1) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j], chars[i]];
    }
    const password = chars.join('');
    if (checkPassword(password, username).length === 0) return password;
  }
}
