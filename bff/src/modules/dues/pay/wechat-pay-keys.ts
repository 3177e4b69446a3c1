// Verification keys by serial, for the two modes WeChat Pay has:
// - public key (`PUB_KEY_ID_…`, the only mode for merchants registered since late 2024): one key from a file;
// - platform certificates: downloaded from GET /v3/certificates, each decrypted with the APIv3 key, the
//   download's own signature checked, cached by serial and refreshed when an unknown serial shows up
//   (rotation), at most once a minute so a flood of forged serials cannot make us hammer WeChat Pay.
import { createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { decryptAeadAes256Gcm, type EncryptedResource } from './wechat-pay-crypto';
import { verifyWechatpaySignature, type HeaderBag, type WechatPayKeySource } from './wechat-pay-verifier';

/** Public-key mode: the one WeChat Pay public key and its id. */
export class PublicKeySource implements WechatPayKeySource {
  private readonly key: KeyObject;
  constructor(
    readonly keyId: string,
    publicKeyPem: string,
  ) {
    this.key = createPublicKey(publicKeyPem);
  }
  keyFor(serial: string): Promise<KeyObject | undefined> {
    return Promise.resolve(serial === this.keyId ? this.key : undefined);
  }
}

/** A raw answer of a signed GET (status, headers, body text), as the client's transport returns it. */
export interface RawAnswer {
  status: number;
  headers: HeaderBag;
  body: string;
}

interface CertificateList {
  data?: { serial_no?: string; expire_time?: string; encrypt_certificate?: EncryptedResource }[];
}

export interface PlatformCertificateOptions {
  apiV3Key: string;
  /** Signed GET /v3/certificates (the answer is checked here, not by the transport). */
  download: () => Promise<RawAnswer>;
  maxSkewSeconds?: number;
  now?: () => number;
  /** Least time between two downloads. Default 60 s. */
  minRefreshMs?: number;
}

/** Platform-certificate mode. Each instance has its own cache (the library's is static and shared). */
export class PlatformCertificateSource implements WechatPayKeySource {
  private keys = new Map<string, KeyObject>();
  private lastAttempt = -Infinity;
  private inFlight: Promise<void> | undefined;
  /** Why the last download failed, for the logs and health checks. */
  lastRefreshError: Error | undefined;

  constructor(private readonly options: PlatformCertificateOptions) {}

  /** Why keys may be missing (the last failed download), for error messages. */
  lastProblem(): string | undefined {
    return this.lastRefreshError && `certificate download failed: ${this.lastRefreshError.message}`;
  }

  /** Serials currently trusted. */
  serials(): string[] {
    return [...this.keys.keys()];
  }

  async keyFor(serial: string): Promise<KeyObject | undefined> {
    const known = this.keys.get(serial.toUpperCase());
    if (known) return known;
    const now = this.options.now?.() ?? Date.now();
    if (!this.inFlight && now - this.lastAttempt < (this.options.minRefreshMs ?? 60_000)) return undefined;
    if (!this.inFlight) {
      this.lastAttempt = now;
      this.inFlight = this.refresh().finally(() => (this.inFlight = undefined));
    }
    try {
      await this.inFlight;
    } catch (error) {
      // Unreachable or refused download: the serial stays unknown (a notification is refused and retried later).
      this.lastRefreshError = error instanceof Error ? error : new Error(String(error));
    }
    return this.keys.get(serial.toUpperCase());
  }

  /** Downloads, decrypts and checks the certificate list; keeps the old keys when anything is wrong. */
  async refresh(): Promise<void> {
    const answer = await this.options.download();
    if (answer.status !== 200) {
      // Usually our own request signature (401 SIGN_ERROR: wrong key or serial): say so, it is the real cause.
      const code = /"code"\s*:\s*"([A-Z_]+)"/.exec(answer.body)?.[1] ?? '';
      throw new Error(`GET /v3/certificates answered ${answer.status} ${code}`.trim());
    }
    const list = JSON.parse(answer.body) as CertificateList;
    const fresh = new Map(this.keys);
    const nowMs = this.options.now?.() ?? Date.now();
    for (const item of list.data ?? []) {
      if (!item.serial_no || !item.encrypt_certificate) continue;
      if (item.expire_time && Date.parse(item.expire_time) < nowMs) continue;
      const cert = new X509Certificate(decryptAeadAes256Gcm(item.encrypt_certificate, this.options.apiV3Key));
      // The serial in the list must be the certificate's own, or a listed key could stand in for another serial.
      if (cert.serialNumber.toUpperCase() !== item.serial_no.toUpperCase()) continue;
      fresh.set(item.serial_no.toUpperCase(), cert.publicKey);
    }
    // The download is signed by one of the certificates it carries (or one we already trust). What anchors
    // the first download is the APIv3 key: only WeChat Pay and we know it, and every certificate is sealed
    // with it (AES-GCM), so a stranger cannot slip in a certificate of their own.
    const check = await verifyWechatpaySignature(
      answer.headers,
      answer.body,
      { keyFor: (serial) => Promise.resolve(fresh.get(serial.toUpperCase())) },
      { maxSkewSeconds: this.options.maxSkewSeconds, now: this.options.now },
    );
    if (!check.ok) throw new Error(`GET /v3/certificates answer refused: ${check.reason}`);
    this.keys = fresh;
    this.lastRefreshError = undefined;
  }
}
