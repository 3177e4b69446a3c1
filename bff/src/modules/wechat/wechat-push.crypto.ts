import { createDecipheriv, createHash, timingSafeEqual } from 'crypto';

/**
 * WeChat message push (消息推送) signatures and safe-mode (安全模式) decryption, per the "消息加解密"
 * guide: `signature = sha1(sort(Token, timestamp, nonce))`, `msg_signature = sha1(sort(Token,
 * timestamp, nonce, Encrypt))`; Encrypt = base64(AES-256-CBC(random 16 B + msg_len (4 B, big
 * endian) + msg + appid, PKCS#7 to 32-byte blocks)) with key = base64(EncodingAESKey + '=') and
 * IV = the key's first 16 bytes.
 */
const BLOCK = 32;

export class PushDecryptError extends Error {
  constructor(reason: string) {
    super(`WeChat push could not be decrypted: ${reason}`);
    this.name = 'PushDecryptError';
  }
}

/** sha1 over the parts sorted lexicographically and concatenated. */
export function pushSignature(...parts: string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
}

/** Constant-time comparison of a hex signature from the query with the expected one. */
export function signatureMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given.toLowerCase());
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Decrypts a safe-mode `Encrypt` field; throws PushDecryptError on any malformation. */
export function decryptPush(encodingAesKey: string, encrypted: string): { message: string; appid: string } {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (key.length !== 32) throw new PushDecryptError('EncodingAESKey is not 32 bytes');
  const data = Buffer.from(encrypted, 'base64');
  if (data.length === 0 || data.length % 16 !== 0) throw new PushDecryptError('ciphertext length');
  let padded: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    decipher.setAutoPadding(false);
    padded = Buffer.concat([decipher.update(data), decipher.final()]);
  } catch {
    throw new PushDecryptError('cipher');
  }
  const pad = padded[padded.length - 1];
  if (pad < 1 || pad > BLOCK || pad > padded.length) throw new PushDecryptError('padding');
  const plain = padded.subarray(0, padded.length - pad);
  if (plain.length < 20) throw new PushDecryptError('too short');
  const length = plain.readUInt32BE(16);
  if (20 + length > plain.length) throw new PushDecryptError('message length');
  return {
    message: plain.subarray(20, 20 + length).toString('utf8'),
    appid: plain.subarray(20 + length).toString('utf8'),
  };
}
