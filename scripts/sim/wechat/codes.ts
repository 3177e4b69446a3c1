// One-time codes: wx.login codes (for jscode2session) and phone codes (for getuserphonenumber).
import { randomBytes } from 'node:crypto';

/** Both kinds of code are valid for 5 minutes (code2Session / getPhoneNumber docs). */
export const CODE_TTL_MS = 5 * 60 * 1000;

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** wx.login codes are 32 alphanumeric chars; modulo bias is irrelevant for a test double. */
function loginCodeText(): string {
  const bytes = randomBytes(32);
  let out = '';
  for (const b of bytes) out += ALNUM[b % ALNUM.length];
  return out;
}

export interface LoginCode {
  appid: string;
  identity: string;
  openid: string;
  expiresAt: number;
  usedAt: number | null;
}

export interface PhoneCode {
  appid: string;
  countryCode: string;
  purePhoneNumber: string;
  /** When the user tapped "allow" (= code issue time); WeChat reports it in the watermark. */
  issuedAt: number;
  expiresAt: number;
  used: boolean;
}

export type Redeemed<T> = { ok: true; value: T } | { ok: false; reason: 'unknown' | 'expired' | 'used' };

export class CodeStore {
  private readonly login = new Map<string, LoginCode>();
  private readonly phone = new Map<string, PhoneCode>();

  issueLogin(appid: string, identity: string, openid: string, now: number): string {
    const code = loginCodeText();
    this.login.set(code, { appid, identity, openid, expiresAt: now + CODE_TTL_MS, usedAt: null });
    return code;
  }

  /**
   * Consumes a login code. A code issued for another appid is "unknown" to this app, which is
   * how WeChat behaves (40029 when the code and appid do not match).
   */
  redeemLogin(code: string, appid: string, now: number): Redeemed<LoginCode> {
    const entry = this.login.get(code);
    if (!entry || entry.appid !== appid) return { ok: false, reason: 'unknown' };
    // "Used" wins over "expired": WeChat keeps reporting 40163 for a code that was exchanged.
    if (entry.usedAt !== null) return { ok: false, reason: 'used' };
    if (now >= entry.expiresAt) return { ok: false, reason: 'expired' };
    entry.usedAt = now;
    return { ok: true, value: entry };
  }

  issuePhone(appid: string, countryCode: string, purePhoneNumber: string, now: number): string {
    // Real phone codes are 64 hex chars (see the getPhoneNumber request example).
    const code = randomBytes(32).toString('hex');
    this.phone.set(code, {
      appid,
      countryCode,
      purePhoneNumber,
      issuedAt: now,
      expiresAt: now + CODE_TTL_MS,
      used: false,
    });
    return code;
  }

  redeemPhone(code: string, appid: string, now: number): Redeemed<PhoneCode> {
    const entry = this.phone.get(code);
    if (!entry || entry.appid !== appid) return { ok: false, reason: 'unknown' };
    if (entry.used) return { ok: false, reason: 'used' };
    if (now >= entry.expiresAt) return { ok: false, reason: 'expired' };
    entry.used = true;
    return { ok: true, value: entry };
  }

  clear(): void {
    this.login.clear();
    this.phone.clear();
  }
}
