import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomInt } from 'crypto';
import { Secret, TOTP } from 'otpauth';
import { deriveKey } from '../../core/auth/derived-keys';

/**
 * TOTP secrets at rest: AES-256-GCM under a key derived from JWT_SECRET with HKDF (purpose
 * "mfa-secret"), the account id as associated data (a ciphertext copied onto another account does
 * not decrypt). Format `v1.<iv>.<tag>.<ciphertext>` (base64url), so the scheme can change later.
 *
 * Operational note: rotating JWT_SECRET makes existing secrets undecryptable — every enrolled
 * account would have to enrol again. A dedicated key (KMS) is the planned follow-up.
 */
export class MfaSecretBox {
  private readonly key: Buffer;

  constructor(jwtSecret: string) {
    this.key = deriveKey(jwtSecret, 'mfa-secret');
  }

  seal(plain: string, userId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(userId, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /** Null when the value was tampered with, belongs to another account or another key. */
  open(sealed: string, userId: string): string | null {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(userId, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}

/** RFC 6238 as every common authenticator app expects: SHA-1, 6 digits, 30-second steps. */
export function totpOf(secretBase32: string, issuer: string, account: string): TOTP {
  return new TOTP({
    issuer,
    label: account,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** 160 random bits, the size RFC 4226 recommends for HMAC-SHA1. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/**
 * The time step a code belongs to, accepting one step of clock drift either way; null when the
 * code matches none. The caller refuses steps already used (replay).
 */
export function matchTotpStep(totp: TOTP, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp.validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : totp.counter({ timestamp: now }) + delta;
}

// No look-alikes (0/O, 1/I/L): codes are copied from paper.
const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const RECOVERY_CODE_COUNT = 10;

/** `XXXXX-XXXXX`: 10 characters of a 31-letter alphabet ≈ 49.5 bits, shown once. */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/** Case, spaces and hyphens do not matter when a code is typed back. */
export const normalizeRecoveryCode = (code: string): string => code.toUpperCase().replace(/[\s-]/g, '');

/**
 * Keyed hash of a recovery code (HMAC-SHA256, key from JWT_SECRET via HKDF). The codes are random
 * and guesses are throttled like logins, so a slow password hash would add cost and no safety; the
 * key keeps a stolen table useless without the secret.
 */
export class RecoveryCodeHasher {
  private readonly key: Buffer;

  constructor(jwtSecret: string) {
    this.key = deriveKey(jwtSecret, 'recovery-code');
  }

  hash(code: string): string {
    return createHmac('sha256', this.key).update(normalizeRecoveryCode(code)).digest('hex');
  }
}
