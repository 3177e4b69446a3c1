/**
 * The stored form of one encrypted personal-data field: three nullable columns side by side
 * (`<name>_cipher`, `<name>_key_id`, `<name>_hash`). All null = no value.
 */
export interface PiiValue {
  /** Sealed SM4-CBC + HMAC-SM3 ciphertext (`1.<base64>`). */
  cipher: string | null;
  /** Id of the PII_KEYS entry it was sealed with (rotation: `npm run pii:rekey`). */
  keyId: string | null;
  /** HMAC-SM3 of the normalized plaintext, for exact lookups without decryption. */
  hash: string | null;
}
