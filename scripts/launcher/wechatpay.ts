// The WeChat Pay simulator as the stack runs it: in the launcher's process, with throwaway merchant and
// platform keys on disk (the BFF reads key files, as it would the merchant's real apiclient_key.pem), and
// the WECHATPAY_* environment that points the BFF at it.
import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import { join, resolve } from 'path';
import { startWechatPaySim } from '../sim/wechatpay';
import type { KeyMode, MerchantCredentials, PlatformKey, WechatPaySim } from '../sim/wechatpay';
import { DEFAULT_MCHID } from '../sim/wechatpay/cli-config';
import { FILES, loadOrCreateMerchant, loadOrCreatePlatformKey } from '../sim/wechatpay/keystore';
import { repoRoot } from './dev-env';

/** The BFF's payment notification route (shared/src/contract/dues/pay.ts). */
export const PAYMENT_NOTIFY_PATH = '/api/callbacks/wechatpay/payment';

export interface PaySimOptions {
  host: string;
  /** 0 = a free port. */
  port: number;
  /** The mini-program appid bound to the merchant (the demo's). */
  appid: string;
  /** Default `publicKey`: the only mode WeChat Pay gives merchants registered since late 2024. */
  mode?: KeyMode;
  /**
   * Where the keys live. Given: created once, reused on later starts (the demo: var/wechatpay-sim, the
   * directory `npm run sim:wechatpay` uses too). Absent: a fresh directory for this start, removed by
   * close() — throwaway stacks (e2e, bench) that run side by side never share or race on key files.
   */
  keyDir?: string;
  /** Multiplies WeChat Pay's notification retry schedule (15 s … 6 h); tests shrink it. Default 1. */
  retryScale?: number;
  /** How long the BFF may take to answer a notification before the attempt counts as failed. */
  notifyTimeoutMs?: number;
}

export interface StackPaySim {
  sim: WechatPaySim;
  url: string;
  keyDir: string;
  merchant: MerchantCredentials;
  /** The key that signs notifications (forged notifications in tests and the bench sign with it). */
  platform(): PlatformKey;
  /** The BFF's WECHATPAY_* variables for a BFF whose public origin is `bffOrigin`. */
  env(bffOrigin: string): Record<string, string>;
  close(): Promise<void>;
}

/** Starts the simulator with keys from (or written to) the key directory. */
export async function startPaySimForStack(options: PaySimOptions): Promise<StackPaySim> {
  const mode = options.mode ?? 'publicKey';
  const owned = options.keyDir === undefined;
  if (owned) mkdirSync(join(repoRoot, 'var'), { recursive: true });
  const keyDir = owned
    ? mkdtempSync(join(repoRoot, 'var/wechatpay-sim-'))
    : resolve(repoRoot, options.keyDir as string);
  const merchant = loadOrCreateMerchant(keyDir, DEFAULT_MCHID, options.appid);
  const platformKey = loadOrCreatePlatformKey(keyDir, mode);
  let sim: WechatPaySim;
  try {
    sim = await startWechatPaySim({
      host: options.host,
      port: options.port,
      mode,
      retryScale: options.retryScale ?? 1,
      notifyTimeoutMs: options.notifyTimeoutMs,
      platformKey,
      merchants: [
        { mchid: merchant.mchid, appids: [options.appid], apiCertPem: merchant.certPem, apiV3Key: merchant.apiV3Key },
      ],
    });
  } catch (err) {
    if (owned) rmSync(keyDir, { recursive: true, force: true });
    throw err;
  }
  return {
    sim,
    url: sim.url,
    keyDir,
    merchant,
    platform: () => sim.platform(),
    env(bffOrigin) {
      const base = bffOrigin.replace(/\/$/, '');
      return {
        WECHATPAY_MCHID: merchant.mchid,
        WECHATPAY_APPID: options.appid,
        WECHATPAY_SERIAL_NO: merchant.serialNo,
        WECHATPAY_PRIVATE_KEY_PATH: join(keyDir, FILES.merchantKey),
        WECHATPAY_APIV3_KEY: merchant.apiV3Key,
        // Public-key mode names the key by its PUB_KEY_ID_…; certificate mode leaves both unset and
        // downloads the platform certificates from the simulator's /v3/certificates.
        ...(mode === 'publicKey'
          ? {
              WECHATPAY_PUBLIC_KEY_ID: platformKey.serial,
              WECHATPAY_PUBLIC_KEY_PATH: join(keyDir, FILES.platformPublicKey),
            }
          : {}),
        WECHATPAY_BASE_URL: sim.url,
        WECHATPAY_NOTIFY_URL: `${base}${PAYMENT_NOTIFY_PATH}`,
      };
    },
    async close() {
      await sim.close();
      if (owned) rmSync(keyDir, { recursive: true, force: true });
    },
  };
}
