import { Config, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { StaffEnv } from './staff.config';
import { AppError } from '../../core/errors/app-error';
import { InfraService } from '../../core/infra/infra.service';
import { LockTimeoutError } from '../../core/infra/types';
import type { RateLimiter } from '../../core/infra/rate-limiter';

/**
 * Failed-login bookkeeping in the shared infra (Redis in production, so every BFF process agrees):
 * - failures per username (password or second factor) and per client IP (password only) are
 *   counted in a fixed window of LOGIN_LOCK_MINUTES, by the infra's rate limiters;
 * - from LOGIN_CAPTCHA_AFTER failures of either, a captcha is required;
 * - at LOGIN_LOCK_AFTER failures of a username it is locked for LOGIN_LOCK_MINUTES, whatever is
 *   typed afterwards;
 * - a complete login resets the username's counter (not the IP's: an attacker must not clear it by
 *   logging in to an account of their own).
 * Keys are the normalized username whether or not such an account exists, so unknown usernames
 * count and lock exactly like real ones and the answers cannot tell them apart.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class LoginThrottleService {
  @Config('zhili.modules.staff')
  private env!: StaffEnv;

  @Inject()
  private infraService!: InfraService;

  private get infra() {
    return this.infraService.infra;
  }

  private get windowSec(): number {
    return this.env.LOGIN_LOCK_MINUTES * 60;
  }

  /** Failures are counted, never refused, here: what a count means is decided below. */
  private failures(of: 'user' | 'ip'): RateLimiter {
    return this.infra.rateLimiter({
      name: `auth.failures.${of}`,
      limit: this.env.LOGIN_LOCK_AFTER,
      windowSec: this.windowSec,
    });
  }

  /** Case-folded (MariaDB compares usernames case-insensitively) and safe inside a cache key. */
  static keyOf(username: string): string {
    return encodeURIComponent(username.trim().toLowerCase());
  }

  /**
   * Runs one attempt on a username at a time across all processes. Without this, a burst of
   * parallel guesses would all pass the lock check before the first failure was counted.
   * A caller that cannot get its turn within a few seconds is told to slow down (429).
   */
  async serialize<T>(username: string, attempt: () => Promise<T>): Promise<T> {
    try {
      return await this.infra.lock.withLock(`login:${LoginThrottleService.keyOf(username)}`, 15_000, 5_000, attempt);
    } catch (err) {
      if (err instanceof LockTimeoutError) throw new AppError('RATE_LIMITED');
      throw err;
    }
  }

  async isLocked(username: string): Promise<boolean> {
    return (await this.infra.cache.get(`auth:locked:${LoginThrottleService.keyOf(username)}`)) !== null;
  }

  async captchaRequired(username: string, ip: string | undefined): Promise<boolean> {
    const [byUser, byIp] = await Promise.all([
      this.infra.cache.get(`auth:captcha_required:user:${LoginThrottleService.keyOf(username)}`),
      ip ? this.infra.cache.get(`auth:captcha_required:ip:${ip}`) : Promise.resolve(null),
    ]);
    return byUser !== null || byIp !== null;
  }

  /**
   * Counts a failure; true when it locked the account. `ip` is given for password failures only:
   * a wrong second factor already required the right password, so it is no sign of IP spraying.
   */
  async recordFailure(username: string, ip: string | undefined): Promise<boolean> {
    const key = LoginThrottleService.keyOf(username);
    const { count } = await this.failures('user').penalty(key);
    if (count >= this.env.LOGIN_CAPTCHA_AFTER) {
      await this.infra.cache.set(`auth:captcha_required:user:${key}`, '1', this.windowSec);
    }
    if (ip) {
      const byIp = await this.failures('ip').penalty(ip);
      if (byIp.count >= this.env.LOGIN_CAPTCHA_AFTER)
        await this.infra.cache.set(`auth:captcha_required:ip:${ip}`, '1', this.windowSec);
    }
    if (count < this.env.LOGIN_LOCK_AFTER) return false;
    await this.infra.cache.set(`auth:locked:${key}`, '1', this.windowSec);
    // Counting starts again when the lock ends; the captcha stays required for the window.
    await this.failures('user').delete(key);
    return true;
  }

  async recordSuccess(username: string): Promise<void> {
    const key = LoginThrottleService.keyOf(username);
    await this.failures('user').delete(key);
    await this.infra.cache.del(`auth:captcha_required:user:${key}`);
  }
}
