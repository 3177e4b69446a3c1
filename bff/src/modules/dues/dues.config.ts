import { z } from '@zhili/shared';
import { url, type EnvOf } from '../../core/config/env-fields';

const optionalText = (pattern: RegExp, message: string) =>
  z
    .string()
    .trim()
    .transform((v) => v || undefined)
    .pipe(z.string().regex(pattern, message).optional())
    .optional();

/**
 * Environment of the party dues module (#16): the WeChat Pay v3 merchant. All optional as a group (payments
 * are off when none is set); when any is set, `wechatPayEnvProblems` lists what is missing or inconsistent
 * and the start-up refuses with those messages (see docs/PAYMENTS.md).
 */
export const duesEnv = {
  WECHATPAY_MCHID: optionalText(/^\d{8,12}$/, 'WECHATPAY_MCHID must be the merchant id (8-12 digits)'),
  /** The mini-program appid the orders are paid in; unset: WECHAT_APPID. */
  WECHATPAY_APPID: optionalText(/^wx[0-9a-zA-Z]{16}$/, 'WECHATPAY_APPID must be wx followed by 16 letters or digits'),
  /** Serial of the merchant API certificate (apiclient_cert.pem) that signs our requests. */
  WECHATPAY_SERIAL_NO: optionalText(/^[0-9A-Fa-f]{8,64}$/, 'WECHATPAY_SERIAL_NO must be the certificate serial (hex)'),
  /** Path of the merchant API private key (apiclient_key.pem). */
  WECHATPAY_PRIVATE_KEY_PATH: optionalText(/^.+$/, 'WECHATPAY_PRIVATE_KEY_PATH must be a file path'),
  /** The APIv3 key: exactly 32 ASCII characters (decrypts notifications and platform certificates). */
  WECHATPAY_APIV3_KEY: optionalText(/^[\x21-\x7e]{32}$/, 'WECHATPAY_APIV3_KEY must be exactly 32 characters'),
  /** Public-key mode: the WeChat Pay public key id (PUB_KEY_ID_…) and its PEM file. Unset: platform certificates. */
  WECHATPAY_PUBLIC_KEY_ID: optionalText(/^PUB_KEY_ID_[0-9A-Za-z_]+$/, 'WECHATPAY_PUBLIC_KEY_ID must start PUB_KEY_ID_'),
  WECHATPAY_PUBLIC_KEY_PATH: optionalText(/^.+$/, 'WECHATPAY_PUBLIC_KEY_PATH must be a file path'),
  WECHATPAY_BASE_URL: url('WECHATPAY_BASE_URL').default('https://api.mch.weixin.qq.com'),
  /** Where WeChat Pay posts payment and refund notifications (https in production). */
  WECHATPAY_NOTIFY_URL: url('WECHATPAY_NOTIFY_URL').optional(),
  /** Accepted age of a signed response or notification, in seconds. */
  WECHATPAY_MAX_SKEW_SECONDS: z.coerce.number().int().min(30).max(3600).default(300),
  WECHATPAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(10000),
  /** Subscribe-message template of the dues reminder (欠缴提醒); unset: reminders are off. */
  WECHAT_TMPL_DUES_REMINDER: z.string().trim().max(64).optional(),
};
export type DuesEnv = EnvOf<typeof duesEnv>;

const REQUIRED = [
  'WECHATPAY_MCHID',
  'WECHATPAY_SERIAL_NO',
  'WECHATPAY_PRIVATE_KEY_PATH',
  'WECHATPAY_APIV3_KEY',
  'WECHATPAY_NOTIFY_URL',
] as const;

/** True when any merchant variable is set: payments are meant to be on. */
export function wechatPayConfigured(env: Partial<DuesEnv>): boolean {
  return [...REQUIRED, 'WECHATPAY_APPID', 'WECHATPAY_PUBLIC_KEY_ID', 'WECHATPAY_PUBLIC_KEY_PATH'].some(
    (name) => env[name as keyof DuesEnv] !== undefined,
  );
}

/** What is wrong with the merchant variables taken together; empty when payments are off or complete. */
export function wechatPayEnvProblems(env: Partial<DuesEnv> & { WECHAT_APPID?: string }): string[] {
  if (!wechatPayConfigured(env)) return [];
  const problems = REQUIRED.filter((name) => env[name] === undefined).map(
    (name) => `${name} is required when WeChat Pay is configured (any WECHATPAY_* set)`,
  );
  if (!env.WECHATPAY_APPID && !env.WECHAT_APPID) problems.push('WECHATPAY_APPID (or WECHAT_APPID) is required');
  if (Boolean(env.WECHATPAY_PUBLIC_KEY_ID) !== Boolean(env.WECHATPAY_PUBLIC_KEY_PATH)) {
    problems.push('WECHATPAY_PUBLIC_KEY_ID and WECHATPAY_PUBLIC_KEY_PATH go together (public-key mode)');
  }
  return problems;
}
