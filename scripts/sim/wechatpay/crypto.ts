// The APIv3 primitives, server-free so BFF tests can forge or tamper with messages:
// SHA256-RSA signatures, the Authorization header, response/notification signature headers, AEAD_AES_256_GCM.
import { createCipheriv, createDecipheriv, createSign, createVerify, randomBytes } from 'node:crypto';

export const AUTH_SCHEMA = 'WECHATPAY2-SHA256-RSA2048';

export function rsaSign(message: string, privateKeyPem: string): string {
  return createSign('RSA-SHA256').update(message).sign(privateKeyPem, 'base64');
}

export function rsaVerify(message: string, signature: string, publicKeyPem: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(message).verify(publicKeyPem, signature, 'base64');
  } catch {
    return false;
  }
}

/** The string a merchant signs: `METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n` (URL = path + query, BODY empty for GET). */
export function requestMessage(method: string, target: string, timestamp: string, nonce: string, body: string): string {
  return `${method}\n${target}\n${timestamp}\n${nonce}\n${body}\n`;
}

/** The string WeChat Pay signs on responses and notifications: `TIMESTAMP\nNONCE\nBODY\n`. */
export function responseMessage(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}\n`;
}

export function nonceStr(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}

export interface AuthorizationParts {
  mchid: string;
  nonce_str: string;
  signature: string;
  timestamp: string;
  serial_no: string;
}

/** Parses `WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",…`; null when the schema or a field is missing. */
export function parseAuthorization(header: string | undefined): AuthorizationParts | null {
  if (!header || !header.startsWith(`${AUTH_SCHEMA} `)) return null;
  const fields: Record<string, string> = {};
  for (const match of header.slice(AUTH_SCHEMA.length + 1).matchAll(/(\w+)="([^"]*)"/g)) {
    fields[match[1]] = match[2];
  }
  const { mchid, nonce_str, signature, timestamp, serial_no } = fields;
  if (!mchid || !nonce_str || !signature || !timestamp || !serial_no) return null;
  return { mchid, nonce_str, signature, timestamp, serial_no };
}

/** A merchant's Authorization header (what wechatpay-node-v3 builds); used by tests and by callers without the library. */
export function buildAuthorization(input: {
  mchid: string;
  serialNo: string;
  privateKeyPem: string;
  method: string;
  target: string;
  body: string;
  timestamp?: number;
  nonce?: string;
}): string {
  const timestamp = String(input.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = input.nonce ?? nonceStr();
  const signature = rsaSign(
    requestMessage(input.method, input.target, timestamp, nonce, input.body),
    input.privateKeyPem,
  );
  return `${AUTH_SCHEMA} mchid="${input.mchid}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${input.serialNo}"`;
}

/** Wechatpay-* headers for a body, signed with the platform key. */
export function signedHeaders(
  body: string,
  key: { serial: string; privateKeyPem: string },
  timestampSec: number,
  nonce: string = nonceStr(),
): Record<string, string> {
  const timestamp = String(timestampSec);
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': rsaSign(responseMessage(timestamp, nonce, body), key.privateKeyPem),
    'Wechatpay-Serial': key.serial,
    'Wechatpay-Signature-Type': AUTH_SCHEMA,
  };
}

export interface EncryptedResource {
  algorithm: 'AEAD_AES_256_GCM';
  ciphertext: string;
  associated_data: string;
  nonce: string;
}

/** AEAD_AES_256_GCM with the APIv3 key: 12-character nonce, base64(ciphertext ‖ 16-byte tag). */
export function encryptResource(plaintext: string, apiV3Key: string, associatedData: string): EncryptedResource {
  const nonce = randomBytes(9).toString('base64').replace(/[+/]/g, 'x').slice(0, 12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { algorithm: 'AEAD_AES_256_GCM', ciphertext: data.toString('base64'), associated_data: associatedData, nonce };
}

/** Throws when the key, nonce, associated data or ciphertext do not match (the GCM tag fails). */
export function decryptResource(resource: Omit<EncryptedResource, 'algorithm'>, apiV3Key: string): string {
  const data = Buffer.from(resource.ciphertext, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(resource.nonce, 'utf8'));
  decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
}
