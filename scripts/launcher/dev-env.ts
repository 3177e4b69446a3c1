import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { randomBytes } from 'crypto';
import { dirname, join } from 'path';

export const repoRoot = join(__dirname, '../..');

/** Local secrets of a development checkout, generated once and kept under var/ (git-ignored). */
export interface DevSecrets {
  JWT_SECRET: string;
  WECHAT_APPID: string;
  WECHAT_SECRET: string;
}

const alnum = (length: number) =>
  Array.from(randomBytes(length), (b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'[b % 62]).join('');

/**
 * The demo mini-program's appid: any wx + 16 hex works with the simulator. It must equal the appid
 * the h5 build asks the simulator for (TARO_APP_WECHAT_APPID, default below in miniprogram/config).
 */
export const DEMO_APPID = 'wx0000000000000001';

export function loadOrCreateDevSecrets(file = join(repoRoot, 'var/dev-secrets.json')): DevSecrets {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
  const secrets: DevSecrets = {
    JWT_SECRET: randomBytes(48).toString('base64url'),
    WECHAT_APPID: DEMO_APPID,
    WECHAT_SECRET: alnum(32),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
