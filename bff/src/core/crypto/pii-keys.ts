/**
 * Key material for personal data at rest, read from the environment only (never from files in the
 * repository or the database):
 *
 * - `PII_KEYS` = `keyId:base64(32 bytes)[,keyId2:base64(32 bytes)…]` — every key that may still be
 *   needed to decrypt. Old keys stay listed until `npm run pii:rekey` has moved all rows off them.
 * - `PII_ACTIVE_KEY_ID` — the key new ciphertexts are written with (must be one of PII_KEYS).
 * - `PII_HMAC_KEY` = base64(≥ 32 bytes) — key of the keyed hash column used for exact lookups.
 *
 * This file is pure (no Midway, no I/O) so env.ts can validate at start and the CLI can reuse it.
 */

/** Key ids are stored beside each ciphertext: short and boring on purpose. */
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,16}$/;
export const MASTER_KEY_BYTES = 32;
export const MIN_HMAC_KEY_BYTES = 32;

export interface PiiKeyMaterial {
  /** keyId → 32-byte master key. */
  keys: Map<string, Buffer>;
  activeKeyId: string;
  hmacKey: Buffer;
}

export interface PiiEnv {
  PII_KEYS: string;
  PII_ACTIVE_KEY_ID: string;
  PII_HMAC_KEY: string;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$|^[A-Za-z0-9_-]+$/;

/** Decodes standard or URL-safe base64; null when it is not base64 at all. */
function decodeBase64(value: string): Buffer | null {
  const trimmed = value.trim();
  if (!BASE64.test(trimmed)) return null;
  return Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/** Problems with `PII_KEYS` (empty when fine). Messages name the variable and never echo a key. */
export function piiKeysProblems(raw: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const entries = raw.split(',').map((e) => e.trim());
  entries.forEach((entry, index) => {
    const at = entry.indexOf(':');
    const id = at < 0 ? '' : entry.slice(0, at);
    const key = at < 0 ? null : decodeBase64(entry.slice(at + 1));
    const label = `entry ${index + 1}${KEY_ID_PATTERN.test(id) ? ` (${id})` : ''}`;
    if (!KEY_ID_PATTERN.test(id))
      problems.push(`${label} must look like keyId:base64 with a key id of 1–16 letters, digits, _ or -`);
    else if (seen.has(id)) problems.push(`${label}: key id ${id} is listed twice`);
    if (!key || key.length !== MASTER_KEY_BYTES) {
      problems.push(
        `${label}: the key must be base64 of exactly ${MASTER_KEY_BYTES} random bytes (e.g. openssl rand -base64 32)`,
      );
    }
    seen.add(id);
  });
  return problems;
}

export function hmacKeyProblem(raw: string): string | null {
  const key = decodeBase64(raw);
  if (!key || key.length < MIN_HMAC_KEY_BYTES) {
    return `must be base64 of at least ${MIN_HMAC_KEY_BYTES} random bytes (e.g. openssl rand -base64 32)`;
  }
  return null;
}

export function listedKeyIds(raw: string): string[] {
  return raw.split(',').map((e) => e.trim().split(':')[0]);
}

/** Parses validated settings; throws (without echoing key bytes) when they are not valid. */
export function parsePiiKeys(env: PiiEnv): PiiKeyMaterial {
  const problems = piiKeysProblems(env.PII_KEYS);
  const hmacProblem = hmacKeyProblem(env.PII_HMAC_KEY);
  if (hmacProblem) problems.push(`PII_HMAC_KEY ${hmacProblem}`);
  if (!listedKeyIds(env.PII_KEYS).includes(env.PII_ACTIVE_KEY_ID))
    problems.push('PII_ACTIVE_KEY_ID must name one of the keys in PII_KEYS');
  if (problems.length) throw new Error(`Invalid PII key configuration: ${problems.join('; ')}`);
  const keys = new Map<string, Buffer>();
  for (const entry of env.PII_KEYS.split(',').map((e) => e.trim())) {
    const at = entry.indexOf(':');
    keys.set(entry.slice(0, at), decodeBase64(entry.slice(at + 1)) as Buffer);
  }
  return { keys, activeKeyId: env.PII_ACTIVE_KEY_ID, hmacKey: decodeBase64(env.PII_HMAC_KEY) as Buffer };
}
