// Environment → simulator CLI settings. Pure, so it is unit-tested without spawning.
import type { KeyMode } from './types';

export interface PayCliConfig {
  port: number;
  host: string;
  mode: KeyMode;
  keyDir: string;
  mchid: string;
  appids: string[];
  retryScale: number;
}

export const DEFAULT_PORT = 7005;
export const DEFAULT_KEY_DIR = 'var/wechatpay-sim';
export const DEFAULT_MCHID = '1900000109';
/** The launcher's DEMO_APPID (scripts/launcher/dev-env.ts), so the demo mini-program's orders are accepted. */
export const DEFAULT_APPID = 'wx0000000000000001';

export type PayCliResult = { ok: true; config: PayCliConfig } | { ok: false; error: string };

export function parsePayCliConfig(env: Record<string, string | undefined>): PayCliResult {
  const rawPort = env.WECHATPAY_SIM_PORT?.trim();
  const port = rawPort ? Number(rawPort) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return { ok: false, error: `WECHATPAY_SIM_PORT must be an integer in [0, 65535], got "${rawPort}"` };
  }
  const mode = (env.WECHATPAY_SIM_MODE?.trim() || 'publicKey') as KeyMode;
  if (mode !== 'publicKey' && mode !== 'platformCert') {
    return { ok: false, error: `WECHATPAY_SIM_MODE must be publicKey or platformCert, got "${String(mode)}"` };
  }
  const mchid = env.WECHATPAY_SIM_MCHID?.trim() || DEFAULT_MCHID;
  if (!/^\d{8,10}$/.test(mchid)) return { ok: false, error: `WECHATPAY_SIM_MCHID must be 8-10 digits, got "${mchid}"` };
  const appids = (env.WECHATPAY_SIM_APPIDS?.trim() || DEFAULT_APPID)
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  if (appids.length === 0 || appids.some((a) => !/^wx[0-9a-zA-Z]{16}$/.test(a))) {
    return { ok: false, error: 'WECHATPAY_SIM_APPIDS must list appids like wx0123456789abcdef, comma-separated' };
  }
  const rawScale = env.WECHATPAY_SIM_RETRY_SCALE?.trim();
  const retryScale = rawScale ? Number(rawScale) : 1;
  if (!Number.isFinite(retryScale) || retryScale <= 0 || retryScale > 1) {
    return { ok: false, error: `WECHATPAY_SIM_RETRY_SCALE must be a number in (0, 1], got "${rawScale}"` };
  }
  return {
    ok: true,
    config: {
      port,
      host: env.WECHATPAY_SIM_HOST?.trim() || '127.0.0.1',
      mode,
      keyDir: env.WECHATPAY_SIM_KEY_DIR?.trim() || DEFAULT_KEY_DIR,
      mchid,
      appids,
      retryScale,
    },
  };
}
