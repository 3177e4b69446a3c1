// Throwaway keys and certificates: the platform key the simulator signs with, and merchant credentials
// for tests and the demo. node:crypto parses X.509 but cannot create it, so certificates come from node-forge.
import { X509Certificate, generateKeyPairSync, randomBytes, randomInt } from 'node:crypto';
import forge from 'node-forge';
import type { PlatformKey } from './types';

const YEAR_MS = 365 * 24 * 3600 * 1000;

export function rsaKeyPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

/** 40 upper-case hex digits like WeChat Pay serials; the first digit keeps the DER integer positive. */
export function randomSerial(): string {
  return `${randomInt(1, 8)}${randomBytes(20).toString('hex').slice(1)}`.toUpperCase();
}

export function selfSignedCert(input: {
  privateKeyPem: string;
  publicKeyPem: string;
  serial: string;
  commonName: string;
  notBefore: number;
  notAfter: number;
}): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(input.publicKeyPem);
  cert.serialNumber = input.serial.toLowerCase();
  cert.validity.notBefore = new Date(input.notBefore);
  cert.validity.notAfter = new Date(input.notAfter);
  const attrs = [
    { name: 'countryName', value: 'CN' },
    { name: 'organizationName', value: 'Zhili WeChat Pay simulator' },
    { name: 'commonName', value: input.commonName },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.sign(forge.pki.privateKeyFromPem(input.privateKeyPem), forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

/** `PUB_KEY_ID_` + 28 digits, the shape of WeChat Pay public key ids. */
export function publicKeyId(): string {
  let digits = '';
  while (digits.length < 28) digits += String(randomInt(0, 10));
  return `PUB_KEY_ID_${digits}`;
}

export function newPlatformKey(mode: 'platformCert' | 'publicKey', now: number): PlatformKey {
  const pair = rsaKeyPair();
  const effectiveAt = now;
  const expiresAt = now + 5 * YEAR_MS;
  if (mode === 'publicKey') return { serial: publicKeyId(), ...pair, effectiveAt, expiresAt };
  const serial = randomSerial();
  const certPem = selfSignedCert({
    ...pair,
    serial,
    commonName: 'Tenpay.com Root CA (simulated)',
    notBefore: now - 60_000,
    notAfter: expiresAt,
  });
  return { serial, ...pair, certPem, effectiveAt, expiresAt };
}

export interface MerchantCredentials {
  mchid: string;
  appid: string;
  /** apiclient_key.pem */
  privateKeyPem: string;
  /** apiclient_cert.pem */
  certPem: string;
  /** The certificate serial, upper-case hex. */
  serialNo: string;
  apiV3Key: string;
}

/** 32 printable characters, as the APIv3 key set in the merchant platform. */
export function randomApiV3Key(): string {
  return randomBytes(24).toString('base64').replace(/[+/]/g, 'x').slice(0, 32);
}

/** A merchant's API key, certificate and APIv3 key, made up for the simulator. */
export function generateMerchantCredentials(mchid = '1900000109', appid = 'wxd678efh567hg6787'): MerchantCredentials {
  const pair = rsaKeyPair();
  const serialNo = randomSerial();
  const now = Date.now();
  const certPem = selfSignedCert({
    ...pair,
    serial: serialNo,
    commonName: mchid,
    notBefore: now - 60_000,
    notAfter: now + 5 * YEAR_MS,
  });
  return { mchid, appid, privateKeyPem: pair.privateKeyPem, certPem, serialNo, apiV3Key: randomApiV3Key() };
}

/** Serial (upper-case hex) and public key of a PEM certificate. */
export function certInfo(certPem: string): { serial: string; publicKeyPem: string } {
  const cert = new X509Certificate(certPem);
  const publicKeyPem = cert.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return { serial: cert.serialNumber.toUpperCase(), publicKeyPem };
}
