import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Repository } from 'typeorm';
import { requiresMfa } from '@zhili/shared';
import { AppError } from '../../core/errors/app-error';
import type { ClientInfo } from '../../core/auth/session.service';
import { SessionService } from '../../core/auth/session.service';
import { MfaTokenService } from '../../core/auth/mfa-token.service';
import { StaffUser } from './staff-user.entity';
import type { StaffLoginVO, StaffSessionVO } from '@zhili/shared';
import { StaffService } from './staff.service';
import { StaffMfaService } from './staff-mfa.service';
import { CaptchaService } from './captcha.service';
import { LoginThrottleService } from './login-throttle.service';
import { MfaChallengeStore } from './mfa-challenge.store';
import { StaffAuthAudit } from './staff-auth-audit';
import { isMfaEnabled } from './staff-profile';
import { decoyPasswordHash, verifyPassword } from './password';

export interface PasswordLogin {
  username: string;
  password: string;
  captchaId?: string;
  captchaText?: string;
}

export interface SecondFactor {
  mfaToken: string;
  code?: string;
  recoveryCode?: string;
}

/**
 * The staff login: password (with captcha and lockout), then — for enrolled accounts and roles that
 * require it — the second factor. Every answer before the password is verified is the same for
 * unknown and known usernames, and attempts on one username run one at a time (LoginThrottleService).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StaffLoginService {
  @InjectEntityModel(StaffUser)
  private users!: Repository<StaffUser>;

  @Inject()
  private staff!: StaffService;

  @Inject()
  private mfa!: StaffMfaService;

  @Inject()
  private captcha!: CaptchaService;

  @Inject()
  private throttle!: LoginThrottleService;

  @Inject()
  private challenges!: MfaChallengeStore;

  @Inject()
  private mfaTokens!: MfaTokenService;

  @Inject()
  private sessions!: SessionService;

  @Inject()
  private audit!: StaffAuthAudit;

  async login(input: PasswordLogin, client: ClientInfo): Promise<StaffLoginVO> {
    const username = input.username.trim();
    const user = await this.throttle.serialize(username, () => this.checkPassword(username, input, client));
    if (user.status !== 'active') {
      await this.audit.record({ action: 'auth.login', result: 'denied', user, client, detail: { reason: 'disabled' } });
      throw new AppError('AUTH_ACCOUNT_DISABLED');
    }
    if (isMfaEnabled(user) || requiresMfa(user.roles)) {
      // The failure counter is reset only by a complete login, so the second factor cannot be
      // guessed by alternating it with correct passwords.
      return { mfaRequired: true, mfaToken: this.mfaTokens.sign(user.id), mfaEnrolled: isMfaEnabled(user) };
    }
    await this.throttle.recordSuccess(user.username);
    return { mfaRequired: false, ...(await this.finish(user, client, 'password')) };
  }

  /** Login step 2 with the mfaToken: a TOTP code, a recovery code, or nothing right after enrolling. */
  async completeMfa(input: SecondFactor, client: ClientInfo): Promise<StaffSessionVO> {
    const challenge = this.mfaTokens.verify(input.mfaToken);
    if (await this.sessions.isRevoked('staff', challenge.userId, challenge.issuedAt))
      throw new AppError('AUTH_TOKEN_INVALID');
    if (await this.challenges.isSpent(challenge.jti)) throw new AppError('AUTH_TOKEN_INVALID');
    const user = await this.users.findOneBy({ id: challenge.userId });
    if (!user) throw new AppError('AUTH_TOKEN_INVALID');
    if (user.status !== 'active') throw new AppError('AUTH_ACCOUNT_DISABLED');
    const method = await this.throttle.serialize(user.username, async () => {
      if (await this.throttle.isLocked(user.username)) throw new AppError('AUTH_ACCOUNT_LOCKED');
      if (await this.challenges.wasEnrolled(challenge.jti)) return 'enrolment';
      if (!isMfaEnabled(user)) throw new AppError('AUTH_MFA_ENROLL_REQUIRED');
      const proof = await this.checkSecondFactor(user, input, client);
      if (proof) return proof;
      const locked = await this.throttle.recordFailure(user.username, undefined);
      await this.audit.record({
        action: 'auth.login',
        result: 'failure',
        user,
        client,
        detail: { reason: 'bad_second_factor' },
      });
      if (locked) await this.audit.record({ action: 'auth.lockout', result: 'denied', user, client });
      throw new AppError(locked ? 'AUTH_ACCOUNT_LOCKED' : 'AUTH_MFA_INVALID');
    });
    if (!(await this.challenges.spend(challenge.jti))) throw new AppError('AUTH_TOKEN_INVALID');
    await this.throttle.recordSuccess(user.username);
    return this.finish(user, client, method);
  }

  /** The user when the password is right; otherwise counts the failure and throws. */
  private async checkPassword(username: string, input: PasswordLogin, client: ClientInfo): Promise<StaffUser> {
    const attempted = { attemptedUsername: username, client };
    if (await this.throttle.isLocked(username)) {
      await this.audit.record({
        ...attempted,
        action: 'auth.login',
        result: 'denied',
        user: null,
        detail: { reason: 'locked' },
      });
      throw new AppError('AUTH_ACCOUNT_LOCKED');
    }
    const hasCaptcha = Boolean(input.captchaId && input.captchaText);
    if (!hasCaptcha && (await this.throttle.captchaRequired(username, client.ip)))
      throw new AppError('AUTH_CAPTCHA_REQUIRED');
    if (hasCaptcha && !(await this.captcha.consume(input.captchaId as string, input.captchaText as string))) {
      await this.audit.record({ ...attempted, action: 'auth.captcha', result: 'failure', user: null });
      throw new AppError('AUTH_CAPTCHA_INVALID');
    }
    const user = await this.users.findOneBy({ username });
    // Unknown users are checked against a decoy hash: same work, same time, same answer.
    const ok = await verifyPassword(input.password, user?.passwordHash ?? (await decoyPasswordHash()));
    if (user && ok) return user;
    const locked = await this.throttle.recordFailure(username, client.ip);
    await this.audit.record({
      ...attempted,
      action: 'auth.login',
      result: 'failure',
      user,
      detail: { reason: 'bad_credentials' },
    });
    if (locked) await this.audit.record({ ...attempted, action: 'auth.lockout', result: 'denied', user });
    throw new AppError(locked ? 'AUTH_ACCOUNT_LOCKED' : 'AUTH_INVALID_CREDENTIALS');
  }

  /** TOTP code or recovery code; the name of the method that worked, or null. */
  private async checkSecondFactor(user: StaffUser, input: SecondFactor, client: ClientInfo): Promise<string | null> {
    if (input.code) return (await this.mfa.verifyCode(user, input.code)) ? 'totp' : null;
    if (!input.recoveryCode) return null;
    const remaining = await this.mfa.useRecoveryCode(user, input.recoveryCode);
    if (remaining === null) return null;
    await this.audit.record({ action: 'auth.recovery_code', result: 'success', user, client, detail: { remaining } });
    return 'recovery_code';
  }

  /** Issues the session of a complete login. */
  private async finish(user: StaffUser, client: ClientInfo, method: string): Promise<StaffSessionVO> {
    const lastLoginAt = new Date();
    await this.users.update({ id: user.id }, { lastLoginAt });
    const tokens = await this.sessions.issue(this.staff.principalOf(user), client);
    await this.audit.record({ action: 'auth.login', result: 'success', user, client, detail: { method } });
    return { ...tokens, user: await this.staff.profileOf({ ...user, lastLoginAt }) };
  }
}
