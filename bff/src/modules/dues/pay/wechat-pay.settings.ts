// From the environment to client settings: reads the key files once at start and fails with a message
// that names the variable, so a misconfigured merchant stops the server instead of the first payment.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { wechatPayConfigured, wechatPayEnvProblems, type DuesEnv } from '../dues.config';
import type { WechatPaySettings } from './wechat-pay.types';

function readPem(path: string, variable: string, check: (pem: string) => unknown): string {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`${variable}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    check(pem);
  } catch {
    throw new Error(`${variable}: ${path} is not a valid PEM key`);
  }
  return pem;
}

/** Settings of the WeChat Pay client, or null when payments are off (no WECHATPAY_* variable set). */
export function wechatPaySettingsFrom(env: DuesEnv & { WECHAT_APPID?: string }): WechatPaySettings | null {
  if (!wechatPayConfigured(env)) return null;
  const problems = wechatPayEnvProblems(env);
  if (problems.length) throw new Error(`WeChat Pay configuration: ${problems.join('; ')}`);
  const privateKeyPem = readPem(env.WECHATPAY_PRIVATE_KEY_PATH!, 'WECHATPAY_PRIVATE_KEY_PATH', createPrivateKey);
  const publicKey =
    env.WECHATPAY_PUBLIC_KEY_ID && env.WECHATPAY_PUBLIC_KEY_PATH
      ? {
          id: env.WECHATPAY_PUBLIC_KEY_ID,
          pem: readPem(env.WECHATPAY_PUBLIC_KEY_PATH, 'WECHATPAY_PUBLIC_KEY_PATH', createPublicKey),
        }
      : undefined;
  return {
    mchid: env.WECHATPAY_MCHID!,
    appid: (env.WECHATPAY_APPID ?? env.WECHAT_APPID)!,
    serialNo: env.WECHATPAY_SERIAL_NO!,
    privateKeyPem,
    apiV3Key: env.WECHATPAY_APIV3_KEY!,
    baseUrl: env.WECHATPAY_BASE_URL,
    notifyUrl: env.WECHATPAY_NOTIFY_URL!,
    maxSkewSeconds: env.WECHATPAY_MAX_SKEW_SECONDS,
    timeoutMs: env.WECHATPAY_TIMEOUT_MS,
    publicKey,
  };
}
