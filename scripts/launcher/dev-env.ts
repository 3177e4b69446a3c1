import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { randomBytes } from 'crypto';
import { dirname, join } from 'path';

export const repoRoot = join(__dirname, '../..');

/** Local secrets of a development checkout, generated once and kept under var/ (git-ignored). */
export interface DevSecrets {
  JWT_SECRET: string;
  WECHAT_APPID: string;
  WECHAT_SECRET: string;
  /** Keys for personal data at rest (bff/src/core/crypto/README.md); absent = fresh ones per start. */
  PII_KEYS?: string;
  PII_ACTIVE_KEY_ID?: string;
  PII_HMAC_KEY?: string;
}

/** A PII key set: one encryption key `dev1` and the keyed-hash key. */
export function freshPiiKeys(): Required<Pick<DevSecrets, 'PII_KEYS' | 'PII_ACTIVE_KEY_ID' | 'PII_HMAC_KEY'>> {
  return {
    PII_KEYS: `dev1:${randomBytes(32).toString('base64')}`,
    PII_ACTIVE_KEY_ID: 'dev1',
    PII_HMAC_KEY: randomBytes(32).toString('base64'),
  };
}

const alnum = (length: number) =>
  Array.from(randomBytes(length), (b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'[b % 62]).join(
    '',
  );

/**
 * The demo mini-program's appid: any wx + 16 hex works with the simulator. It must equal the appid
 * the h5 build asks the simulator for (TARO_APP_WECHAT_APPID, default below in miniprogram/config).
 */
export const DEMO_APPID = 'wx0000000000000001';

export function loadOrCreateDevSecrets(file = join(repoRoot, 'var/dev-secrets.json')): DevSecrets {
  if (existsSync(file)) {
    const existing = JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
    if (existing.PII_KEYS && existing.PII_ACTIVE_KEY_ID && existing.PII_HMAC_KEY) return existing;
    // A checkout from before PII encryption: add the keys once, keep everything else.
    const upgraded = { ...existing, ...freshPiiKeys() };
    writeFileSync(file, JSON.stringify(upgraded, null, 2), { mode: 0o600 });
    return upgraded;
  }
  const secrets: DevSecrets = {
    JWT_SECRET: randomBytes(48).toString('base64url'),
    WECHAT_APPID: DEMO_APPID,
    WECHAT_SECRET: alnum(32),
    ...freshPiiKeys(),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
