// Environment → simulator options for the CLI. Pure, so it is unit-tested without spawning.
import type { PushTarget, SimApp } from './types';

export interface CliConfig {
  port: number;
  host: string;
  apps: SimApp[];
  push?: PushTarget;
  mediaCheckDelayMs?: number;
}

export type CliConfigResult = { ok: true; config: CliConfig } | { ok: false; error: string };

export const DEFAULT_PORT = 7002;
export const DEFAULT_HOST = '127.0.0.1';

/** "appid:secret,appid2:secret2" — the secret may itself contain ':' (only the first splits). */
export function parseApps(raw: string | undefined): SimApp[] | string {
  if (raw === undefined || raw.trim() === '') {
    return 'WECHAT_SIM_APPS is required, e.g. WECHAT_SIM_APPS="wx0123456789abcdef:devsecret"';
  }
  const apps: SimApp[] = [];
  for (const entry of raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')) {
    const sep = entry.indexOf(':');
    const appid = sep > 0 ? entry.slice(0, sep).trim() : '';
    const secret = sep > 0 ? entry.slice(sep + 1).trim() : '';
    if (appid === '' || secret === '') {
      return `WECHAT_SIM_APPS entry "${entry}" is not "appid:secret"`;
    }
    if (apps.some((app) => app.appid === appid)) return `WECHAT_SIM_APPS lists appid ${appid} twice`;
    apps.push({ appid, secret });
  }
  if (apps.length === 0) return 'WECHAT_SIM_APPS lists no app';
  return apps;
}

export function parseCliConfig(env: Record<string, string | undefined>): CliConfigResult {
  const rawPort = env.WECHAT_SIM_PORT?.trim();
  const port = rawPort === undefined || rawPort === '' ? DEFAULT_PORT : Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return { ok: false, error: `WECHAT_SIM_PORT must be an integer in [0, 65535], got "${rawPort}"` };
  }
  const host = env.WECHAT_SIM_HOST?.trim() || DEFAULT_HOST;
  const apps = parseApps(env.WECHAT_SIM_APPS);
  if (typeof apps === 'string') return { ok: false, error: apps };
  const push = parsePush(env);
  if (typeof push === 'string') return { ok: false, error: push };
  const rawDelay = env.WECHAT_SIM_MEDIA_CHECK_DELAY_MS?.trim();
  const mediaCheckDelayMs = rawDelay ? Number(rawDelay) : undefined;
  if (mediaCheckDelayMs !== undefined && (!Number.isInteger(mediaCheckDelayMs) || mediaCheckDelayMs < 0)) {
    return { ok: false, error: `WECHAT_SIM_MEDIA_CHECK_DELAY_MS must be a non-negative integer, got "${rawDelay}"` };
  }
  return { ok: true, config: { port, host, apps, push, mediaCheckDelayMs } };
}

/** WECHAT_SIM_PUSH_URL + _TOKEN (+ _AES_KEY for safe mode): where media-check results are pushed. */
export function parsePush(env: Record<string, string | undefined>): PushTarget | undefined | string {
  const url = env.WECHAT_SIM_PUSH_URL?.trim();
  if (!url) return undefined;
  if (!/^https?:\/\/\S+$/.test(url)) return `WECHAT_SIM_PUSH_URL must be an http(s) URL, got "${url}"`;
  const token = env.WECHAT_SIM_PUSH_TOKEN?.trim() ?? '';
  if (!/^[A-Za-z0-9]{3,32}$/.test(token)) return 'WECHAT_SIM_PUSH_TOKEN must be 3-32 letters or digits';
  const aesKey = env.WECHAT_SIM_PUSH_AES_KEY?.trim();
  if (aesKey && !/^[A-Za-z0-9]{43}$/.test(aesKey)) return 'WECHAT_SIM_PUSH_AES_KEY must be 43 letters or digits';
  return aesKey ? { url, token, aesKey } : { url, token };
}
