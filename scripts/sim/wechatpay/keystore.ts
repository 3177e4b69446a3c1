// The CLI's throwaway credentials on disk, created on first start and reused after, so a BFF configured
// from these files keeps working across simulator restarts. Never real keys: the directory is var/ (git-ignored).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateMerchantCredentials, newPlatformKey, type MerchantCredentials } from './keys';
import type { KeyMode, PlatformKey } from './types';

export const FILES = {
  merchantKey: 'apiclient_key.pem',
  merchantCert: 'apiclient_cert.pem',
  merchant: 'merchant.json',
  platformKey: 'platform_key.pem',
  platformPublicKey: 'wechatpay_public_key.pem',
  platformCert: 'wechatpay_platform_cert.pem',
  platform: 'platform.json',
} as const;

function write(dir: string, name: string, text: string): void {
  writeFileSync(join(dir, name), text, { mode: 0o600 });
}

export function loadOrCreateMerchant(dir: string, mchid: string, appid: string): MerchantCredentials {
  mkdirSync(dir, { recursive: true });
  const metaPath = join(dir, FILES.merchant);
  if (existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Omit<MerchantCredentials, 'privateKeyPem' | 'certPem'>;
    if (meta.mchid === mchid) {
      return {
        ...meta,
        appid,
        privateKeyPem: readFileSync(join(dir, FILES.merchantKey), 'utf8'),
        certPem: readFileSync(join(dir, FILES.merchantCert), 'utf8'),
      };
    }
  }
  const creds = generateMerchantCredentials(mchid, appid);
  write(dir, FILES.merchantKey, creds.privateKeyPem);
  write(dir, FILES.merchantCert, creds.certPem);
  write(
    dir,
    FILES.merchant,
    `${JSON.stringify({ mchid, appid, serialNo: creds.serialNo, apiV3Key: creds.apiV3Key }, null, 2)}\n`,
  );
  return creds;
}

export function loadOrCreatePlatformKey(dir: string, mode: KeyMode): PlatformKey {
  const metaPath = join(dir, FILES.platform);
  if (existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Pick<
      PlatformKey,
      'serial' | 'effectiveAt' | 'expiresAt'
    > & {
      mode: KeyMode;
    };
    if (meta.mode === mode) {
      const certPath = join(dir, FILES.platformCert);
      return {
        serial: meta.serial,
        effectiveAt: meta.effectiveAt,
        expiresAt: meta.expiresAt,
        privateKeyPem: readFileSync(join(dir, FILES.platformKey), 'utf8'),
        publicKeyPem: readFileSync(join(dir, FILES.platformPublicKey), 'utf8'),
        ...(mode === 'platformCert' && existsSync(certPath) ? { certPem: readFileSync(certPath, 'utf8') } : {}),
      };
    }
  }
  const key = newPlatformKey(mode, Date.now());
  write(dir, FILES.platformKey, key.privateKeyPem);
  write(dir, FILES.platformPublicKey, key.publicKeyPem);
  if (key.certPem) write(dir, FILES.platformCert, key.certPem);
  const meta = { mode, serial: key.serial, effectiveAt: key.effectiveAt, expiresAt: key.expiresAt };
  write(dir, FILES.platform, `${JSON.stringify(meta, null, 2)}\n`);
  return key;
}
