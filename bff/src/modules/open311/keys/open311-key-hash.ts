import { createHmac } from 'crypto';
import { deriveKey } from '../../../core/auth/derived-keys';

/**
 * The keyed hash under which Open311 api keys are stored (HMAC-SHA256, hex: exactly the 64-char
 * `key_hash` column), keyed by the JWT_SECRET-derived `open311-key` purpose key. Rotating JWT_SECRET
 * therefore invalidates every issued api key, as it does MFA secrets.
 */
export class Open311KeyHasher {
  private readonly key: Buffer;

  constructor(jwtSecret: string) {
    this.key = deriveKey(jwtSecret, 'open311-key');
  }

  hash(apiKey: string): string {
    return createHmac('sha256', this.key).update(apiKey, 'utf8').digest('hex');
  }
}

/** Characters an issued key is made of (base64url): anything else cannot be one of ours. */
export const API_KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** How many leading characters are kept in clear to recognise a key in the list. */
export const API_KEY_PREFIX_LENGTH = 8;
