// Message-push signing and safe-mode (安全模式) encryption, as WeChat's "消息加解密" guide describes:
//
// - signature     = sha1(sort([Token, timestamp, nonce]).join(''))
// - msg_signature = sha1(sort([Token, timestamp, nonce, Encrypt]).join(''))
// - AESKey = base64decode(EncodingAESKey + '='), 32 bytes; AES-256-CBC, IV = first 16 bytes of it
// - plaintext = random(16 B) + msg_len (4 B, network order) + msg + appid, PKCS#7-padded to 32 B
// - Encrypt = base64(ciphertext)
//
// Server-free on purpose: BFF tests import it to forge (or tamper with) pushes.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const BLOCK = 32;

/** sha1 over the sorted, concatenated parts (signature and msg_signature). */
export function wxSignature(...parts: string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
}

/** 43 letters/digits, as the MP admin's "随机生成" button produces. */
export function generateEncodingAesKey(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (const byte of randomBytes(43)) out += alphabet[byte % alphabet.length];
  return out;
}

export function aesKeyBytes(encodingAesKey: string): Buffer {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (key.length !== 32) throw new Error('EncodingAESKey must be 43 base64 characters (32 bytes)');
  return key;
}

/** Safe-mode encryption of one message for `appid`. */
export function encryptPush(encodingAesKey: string, appid: string, message: string): string {
  const key = aesKeyBytes(encodingAesKey);
  const msg = Buffer.from(message, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(msg.length, 0);
  const plain = Buffer.concat([randomBytes(16), len, msg, Buffer.from(appid, 'utf8')]);
  const pad = BLOCK - (plain.length % BLOCK);
  const padded = Buffer.concat([plain, Buffer.alloc(pad, pad)]);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
}

/** Inverse of encryptPush (for tests of the simulator itself); throws on any malformation. */
export function decryptPush(encodingAesKey: string, encrypted: string): { message: string; appid: string } {
  const key = aesKeyBytes(encodingAesKey);
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const padded = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
  const pad = padded[padded.length - 1];
  if (pad < 1 || pad > BLOCK) throw new Error('bad padding');
  const plain = padded.subarray(0, padded.length - pad);
  const len = plain.readUInt32BE(16);
  if (20 + len > plain.length) throw new Error('bad length');
  return {
    message: plain.subarray(20, 20 + len).toString('utf8'),
    appid: plain.subarray(20 + len).toString('utf8'),
  };
}

export interface SignedPush {
  /** Query string parameters WeChat appends to the configured URL. */
  query: Record<string, string>;
  /** JSON body: `{ ToUserName, Encrypt }` in safe mode, the event itself in plaintext mode. */
  body: string;
}

/** Builds the POST WeChat sends for one event (JSON data format). */
export function signPush(
  target: { token: string; aesKey?: string },
  appid: string,
  event: { ToUserName: string } & Record<string, unknown>,
  nowMs: number,
): SignedPush {
  const timestamp = String(Math.floor(nowMs / 1000));
  const nonce = String(randomBytes(4).readUInt32BE(0));
  const signature = wxSignature(target.token, timestamp, nonce);
  const json = JSON.stringify(event);
  if (!target.aesKey) return { query: { signature, timestamp, nonce }, body: json };
  const encrypt = encryptPush(target.aesKey, appid, json);
  return {
    query: {
      signature,
      timestamp,
      nonce,
      encrypt_type: 'aes',
      msg_signature: wxSignature(target.token, timestamp, nonce, encrypt),
    },
    body: JSON.stringify({ ToUserName: event.ToUserName, Encrypt: encrypt }),
  };
}
