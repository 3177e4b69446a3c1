// access_token lifecycle for both token endpoints.
//
// The two endpoints are "completely isolated" (getStableAccessToken doc): issuing one kind never
// invalidates the other, and either kind authorises business APIs such as getuserphonenumber.
import { randomBytes } from 'node:crypto';
import { WxErr } from './errors';

export const TOKEN_TTL_MS = 7200 * 1000;
/** Normal-mode stable_token renews the token when it has less than 5 minutes left. */
export const STABLE_EARLY_RENEW_MS = 5 * 60 * 1000;
/** After /cgi-bin/token issues a new token, the previous one keeps working for 5 minutes. */
export const LEGACY_OVERLAP_MS = 5 * 60 * 1000;
/** force_refresh: at most 20 times a day, at least 30 s apart. */
export const FORCE_REFRESH_DAILY_LIMIT = 20;
export const FORCE_REFRESH_MIN_INTERVAL_MS = 30 * 1000;
/** getAccessToken daily quota per app. */
export const GET_TOKEN_DAILY_LIMIT = 2000;

type TokenKind = 'stable' | 'legacy';

interface TokenRecord {
  appid: string;
  kind: TokenKind;
  expiresAt: number;
  /** Set when a newer token superseded this one; from then on it answers 40001 "not latest". */
  invalidAfter: number | null;
}

export interface IssuedToken {
  access_token: string;
  expires_in: number;
}

export type TokenCheck = { ok: true; appid: string } | { ok: false; errcode: number };

/** WeChat quotas reset at midnight Beijing time (UTC+8), not UTC. */
function beijingDay(now: number): number {
  return Math.floor((now + 8 * 3600 * 1000) / 86_400_000);
}

/** A counter that resets when the Beijing day changes. */
class DailyCounter {
  private readonly counts = new Map<string, { day: number; n: number }>();

  count(key: string, now: number): number {
    const entry = this.counts.get(key);
    return entry && entry.day === beijingDay(now) ? entry.n : 0;
  }

  bump(key: string, now: number): void {
    this.counts.set(key, { day: beijingDay(now), n: this.count(key, now) + 1 });
  }

  clear(): void {
    this.counts.clear();
  }
}

export class TokenStore {
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly currentStable = new Map<string, string>();
  private readonly currentLegacy = new Map<string, string>();
  private readonly lastForceRefresh = new Map<string, number>();
  private readonly forceRefreshes = new DailyCounter();
  private readonly legacyCalls = new DailyCounter();

  private mint(appid: string, kind: TokenKind, now: number): string {
    // Real tokens are long opaque strings (docs: reserve >= 512 chars); 128 chars is plenty.
    const token = randomBytes(96).toString('base64url');
    this.tokens.set(token, { appid, kind, expiresAt: now + TOKEN_TTL_MS, invalidAfter: null });
    return token;
  }

  private remaining(token: string, now: number): IssuedToken {
    const record = this.tokens.get(token);
    const ms = record ? record.expiresAt - now : 0;
    return { access_token: token, expires_in: Math.max(0, Math.floor(ms / 1000)) };
  }

  /** POST /cgi-bin/stable_token. Returns an errcode when a force_refresh quota is hit. */
  stable(appid: string, forceRefresh: boolean, now: number): IssuedToken | { errcode: number } {
    const current = this.currentStable.get(appid);
    const record = current ? this.tokens.get(current) : undefined;

    if (!forceRefresh) {
      // Same token with a decreasing expires_in, until the last 5 minutes: then WeChat hands out
      // a fresh one while the old keeps working until its own expiry (a natural overlap).
      if (current && record && now < record.expiresAt - STABLE_EARLY_RENEW_MS) {
        return this.remaining(current, now);
      }
      const fresh = this.mint(appid, 'stable', now);
      this.currentStable.set(appid, fresh);
      return this.remaining(fresh, now);
    }

    if (this.forceRefreshes.count(appid, now) >= FORCE_REFRESH_DAILY_LIMIT) {
      return { errcode: WxErr.DAILY_QUOTA };
    }
    const last = this.lastForceRefresh.get(appid);
    if (last !== undefined && now - last < FORCE_REFRESH_MIN_INTERVAL_MS) {
      return { errcode: WxErr.MINUTE_QUOTA };
    }
    this.forceRefreshes.bump(appid, now);
    this.lastForceRefresh.set(appid, now);
    // The doc says force refresh "invalidates the previously obtained access_token": no grace.
    if (record) record.invalidAfter = now;
    const fresh = this.mint(appid, 'stable', now);
    this.currentStable.set(appid, fresh);
    return this.remaining(fresh, now);
  }

  /** GET /cgi-bin/token: always a new token; the previous one survives 5 more minutes. */
  legacy(appid: string, now: number): IssuedToken | { errcode: number } {
    if (this.legacyCalls.count(appid, now) >= GET_TOKEN_DAILY_LIMIT) {
      return { errcode: WxErr.DAILY_QUOTA };
    }
    this.legacyCalls.bump(appid, now);
    const previous = this.currentLegacy.get(appid);
    const record = previous ? this.tokens.get(previous) : undefined;
    if (record) record.invalidAfter = Math.min(record.expiresAt, now + LEGACY_OVERLAP_MS);
    const fresh = this.mint(appid, 'legacy', now);
    this.currentLegacy.set(appid, fresh);
    return this.remaining(fresh, now);
  }

  /**
   * Validates an access_token for a business API. Superseded tokens answer 40001 ("invalid or
   * not latest"), tokens that simply ran out answer 42001 ("access_token expired").
   */
  check(token: string, now: number): TokenCheck {
    const record = this.tokens.get(token);
    if (!record) return { ok: false, errcode: WxErr.INVALID_CREDENTIAL };
    if (record.invalidAfter !== null && now >= record.invalidAfter && record.invalidAfter < record.expiresAt) {
      return { ok: false, errcode: WxErr.INVALID_CREDENTIAL };
    }
    if (now >= record.expiresAt) return { ok: false, errcode: WxErr.ACCESS_TOKEN_EXPIRED };
    return { ok: true, appid: record.appid };
  }

  clear(): void {
    this.tokens.clear();
    this.currentStable.clear();
    this.currentLegacy.clear();
    this.lastForceRefresh.clear();
    this.forceRefreshes.clear();
    this.legacyCalls.clear();
  }
}
