// AEAD_AES_256_GCM as WeChat Pay uses it for notification resources and platform certificates:
// ciphertext = base64(encrypted ‖ 16-byte tag), key = the 32-character APIv3 key, nonce 12 characters.
import { createDecipheriv, createSign } from 'node:crypto';

export interface EncryptedResource {
  algorithm?: string;
  ciphertext: string;
  nonce: string;
  associated_data?: string;
}

/** Decrypts a resource to its UTF-8 text; throws on a wrong key, a changed byte or a bad shape. */
export function decryptAeadAes256Gcm(resource: EncryptedResource, apiV3Key: string): string {
  if (resource.algorithm !== undefined && resource.algorithm !== 'AEAD_AES_256_GCM') {
    throw new Error(`unsupported algorithm ${resource.algorithm}`);
  }
  const data = Buffer.from(resource.ciphertext, 'base64');
  if (data.length <= 16) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(resource.nonce, 'utf8'));
  decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
}

/** SHA256withRSA, base64: request signatures and the mini-program's paySign. */
export function rsaSha256Sign(message: string, privateKeyPem: string): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(privateKeyPem, 'base64');
}
