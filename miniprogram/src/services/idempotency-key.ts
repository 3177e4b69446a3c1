/**
 * A random UUID (version 4) used as the idempotency key of a case draft. The BFF answers the same
 * case for a key it has seen, so a report sent twice (retry, offline outbox) files one case.
 * Uses the Web Crypto API where it exists (h5); WeChat's JS engine has none, and uniqueness per
 * user is all that is needed there, so Math.random is enough.
 */
export function newIdempotencyKey(randomBytes: (n: number) => Uint8Array = defaultRandomBytes): string {
  const b = randomBytes(16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function defaultRandomBytes(n: number): Uint8Array {
  const bytes = new Uint8Array(n);
  const cryptoApi = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (cryptoApi?.getRandomValues) return cryptoApi.getRandomValues(bytes);
  for (let i = 0; i < n; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  return bytes;
}
