// Fresh message-push credentials for a throwaway stack (launcher, tests): the BFF gets them as
// WECHAT_PUSH_TOKEN / WECHAT_PUSH_AES_KEY, the simulator as its push target.
import { randomBytes } from 'node:crypto';
import { generateEncodingAesKey } from './push-crypto';

export interface PushSecrets {
  /** 32 letters/digits (WeChat allows 3-32). */
  token: string;
  /** EncodingAESKey, 43 letters/digits. */
  aesKey: string;
}

export function generatePushSecrets(): PushSecrets {
  return { token: randomBytes(16).toString('hex'), aesKey: generateEncodingAesKey() };
}

/** The BFF's message-push endpoint (docs/CONTRACTS.md, "WeChat"). */
export const BFF_PUSH_PATH = '/api/callbacks/wechat';

/**
 * Points the simulator's message pushes at a BFF listening on `bffUrl` and returns the BFF env that
 * matches (Token, EncodingAESKey, and PUBLIC_BASE_URL so media links WeChat fetches reach it).
 */
export function connectPushToBff(
  sim: { setPush(target: { url: string; token: string; aesKey?: string } | null): void },
  secrets: PushSecrets,
  bffUrl: string,
): { WECHAT_PUSH_TOKEN: string; WECHAT_PUSH_AES_KEY: string; PUBLIC_BASE_URL: string } {
  const base = bffUrl.replace(/\/$/, '');
  sim.setPush({ url: `${base}${BFF_PUSH_PATH}`, token: secrets.token, aesKey: secrets.aesKey });
  return { WECHAT_PUSH_TOKEN: secrets.token, WECHAT_PUSH_AES_KEY: secrets.aesKey, PUBLIC_BASE_URL: base };
}
