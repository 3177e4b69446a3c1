import { Config, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { CoreEnv } from '../config/core-env';
import { parsePiiKeys, PiiEnv, PiiKeyMaterial } from './pii-keys';
import { deriveKeys, keyedHash, open, PiiIntegrityError, seal, Sm4EtmKeys } from './sm4-etm';
import type { PiiValue } from './pii-value';

export interface PiiCiphertext {
  cipher: string;
  keyId: string;
}

/** Hash domain of personal data columns (phone, ID number …): same value → same hash everywhere. */
const PII_PURPOSE = 'pii';

/**
 * Encryption of personal data at rest (see README.md in this folder). Services call `seal` before
 * saving and `open` when they need the value; nothing outside this class sees a key.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PiiCipher {
  @Config('zhili.env')
  private env!: CoreEnv;

  private material?: PiiKeyMaterial;
  private readonly derived = new Map<string, Sm4EtmKeys>();

  /** For command-line tools and tests: a cipher over explicit settings, outside the container. */
  static fromEnv(env: PiiEnv): PiiCipher {
    const cipher = new PiiCipher();
    cipher.material = parsePiiKeys(env);
    return cipher;
  }

  private get keys(): PiiKeyMaterial {
    this.material ??= parsePiiKeys(this.env);
    return this.material;
  }

  private keyFor(keyId: string): Sm4EtmKeys {
    let keys = this.derived.get(keyId);
    if (!keys) {
      const master = this.keys.keys.get(keyId);
      // Not an integrity failure: the row is fine, the deployment just lacks that key.
      if (!master)
        throw new Error(
          `PII key ${keyId} is not configured in PII_KEYS (still needed to decrypt; run npm run pii:rekey before removing a key)`,
        );
      keys = deriveKeys(master);
      this.derived.set(keyId, keys);
    }
    return keys;
  }

  get activeKeyId(): string {
    return this.keys.activeKeyId;
  }

  hasKey(keyId: string): boolean {
    return this.keys.keys.has(keyId);
  }

  /** Encrypts with the active key. */
  encrypt(plain: string): PiiCiphertext {
    const keyId = this.activeKeyId;
    return { cipher: seal(plain, this.keyFor(keyId), keyId), keyId };
  }

  /** Decrypts; throws PiiIntegrityError when the ciphertext (or its key id) was modified. */
  decrypt(cipher: string, keyId: string): string {
    return open(cipher, this.keyFor(keyId), keyId);
  }

  /** Keyed hash (HMAC-SM3, 64 hex chars) of a *normalized* value, for exact lookups. */
  hash(plain: string): string {
    return keyedHash(this.keys.hmacKey, PII_PURPOSE, plain);
  }

  /** Keyed hash in another domain (e.g. binding codes), never equal to a PII hash of the same text. */
  digest(purpose: string, value: string): string {
    if (purpose === PII_PURPOSE) throw new Error('use hash() for personal data');
    return keyedHash(this.keys.hmacKey, purpose, value);
  }

  /** Encrypt + hash into the three columns of a PiiColumn; null clears them. */
  seal(plain: string | null): PiiValue {
    if (plain === null) return { cipher: null, keyId: null, hash: null };
    return { ...this.encrypt(plain), hash: this.hash(plain) };
  }

  /** The plaintext of a PiiColumn, or null when it is empty. */
  open(value: PiiValue | null | undefined): string | null {
    if (!value?.cipher || !value.keyId) return null;
    return this.decrypt(value.cipher, value.keyId);
  }
}

export { PiiIntegrityError };
