import { Config, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { createHmac, timingSafeEqual } from 'crypto';
import type { AppEnv } from '../../../config/env';
import { deriveKey } from '../../../core/auth/derived-keys';
import { refused } from '../party-errors';

/** How long the QR on the host's screen stays valid; the page fetches a new one before it runs out. */
export const CHECK_IN_TOKEN_TTL_MS = 120_000;

/**
 * The check-in QR: `meetingId.expiryMs.mac`, an HMAC under a key derived from JWT_SECRET for this
 * purpose only. A photo of the screen sent around stops working within two minutes.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CheckInTokenService {
  @Config('zhili.env')
  private env!: Pick<AppEnv, 'JWT_SECRET'>;

  private key?: Buffer;

  private mac(meetingId: string, exp: number): string {
    this.key ??= deriveKey(this.env.JWT_SECRET, 'party-checkin');
    return createHmac('sha256', this.key).update(`${meetingId}\n${exp}`).digest('base64url');
  }

  issue(meetingId: string, now: number = Date.now()): { token: string; expiresAt: string } {
    const exp = now + CHECK_IN_TOKEN_TTL_MS;
    return { token: `${meetingId}.${exp}.${this.mac(meetingId, exp)}`, expiresAt: new Date(exp).toISOString() };
  }

  /** Refuses (409) a token of another meeting, a forged or an expired one. */
  verify(meetingId: string, token: string, now: number = Date.now()): void {
    const [id, expText, sig] = token.split('.');
    const exp = Number(expText);
    const valid =
      id === meetingId &&
      /^\d{1,15}$/.test(expText ?? '') &&
      !!sig &&
      exp > now &&
      exp <= now + CHECK_IN_TOKEN_TTL_MS + 5_000 &&
      safeEqual(sig, this.mac(meetingId, exp));
    if (!valid) throw refused('CHECKIN_QR_INVALID', '二维码无效或已过期，请扫描现场最新的二维码');
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
