import { hkdfSync } from 'crypto';

/**
 * Purpose-bound keys derived from JWT_SECRET with HKDF-SHA256, so one configured secret yields
 * independent keys: a token or ciphertext made for one purpose never verifies or decrypts under
 * another. Rotating JWT_SECRET therefore also invalidates everything keyed from it (see the callers).
 */
export type KeyPurpose = 'mfa-token' | 'mfa-secret' | 'recovery-code' | 'file-link' | 'open311-key' | 'party-checkin';

const SALT = 'zhili-bff/v1';

export function deriveKey(secret: string, purpose: KeyPurpose, length = 32): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), SALT, `zhili:${purpose}`, length));
}
