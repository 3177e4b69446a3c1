import type { DevSecrets } from '../launcher/dev-env';

/**
 * The environment the seed runs with: what the operator configured wins; otherwise the development
 * checkout's secrets, exactly as `npm start` passes them to the BFF — so records sealed by the seed
 * open in the BFF that `npm start` runs against the same database.
 */
export function seedEnv(source: NodeJS.ProcessEnv, secrets: DevSecrets): NodeJS.ProcessEnv {
  const configuredPii = Boolean(source.PII_KEYS && source.PII_ACTIVE_KEY_ID && source.PII_HMAC_KEY);
  return {
    ...source,
    DATABASE_URL: source.DATABASE_URL || 'sqlite:var/zhili.sqlite',
    JWT_SECRET: source.JWT_SECRET || secrets.JWT_SECRET,
    WECHAT_APPID: source.WECHAT_APPID || secrets.WECHAT_APPID,
    WECHAT_SECRET: source.WECHAT_SECRET || secrets.WECHAT_SECRET,
    ...(configuredPii
      ? {}
      : {
          PII_KEYS: secrets.PII_KEYS,
          PII_ACTIVE_KEY_ID: secrets.PII_ACTIVE_KEY_ID,
          PII_HMAC_KEY: secrets.PII_HMAC_KEY,
        }),
  };
}
