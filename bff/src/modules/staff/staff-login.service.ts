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
  /** The authenticator's current code: instead of the captcha, and the second factor at once. */
  totpCode?: string;
}

/** A password step that passed; `withCode` when the authenticator's code was checked with it. */
interface PasswordPassed {
  user: StaffUser;
  withCode: boolean;
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
 *
 * The captcha's alternative that does not rely on sight (docs/SECURITY.md, docs/ACCESSIBILITY.md):
 * an account with an authenticator may send its current code with the password instead of reading
 * the image. Both are checked together and the login completes at once; a wrong password or a wrong
 * code get the same answer and count as one failure, so the path neither skips the failure counting
 * nor tells an attacker which half was right.
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
    const { user, withCode } = await this.throttle.serialize(username, () =>
      this.checkPassword(username, input, client),
    );
    if (user.status !== 'active') {
      await this.audit.record({ action: 'auth.login', result: 'denied', user, client, detail: { reason: 'disabled' } });
      throw new AppError('AUTH_ACCOUNT_DISABLED');
    }
    if (withCode) {
      // Password and a fresh authenticator code: both factors, in one step.
      await this.throttle.recordSuccess(user.username);
      return { mfaRequired: false, ...(await this.finish(user, client, 'password_totp')) };
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

  /**
   * The user when the password (and the code, when one is sent) is right; otherwise counts the
   * failure and throws.
   */
  private async checkPassword(username: string, input: PasswordLogin, client: ClientInfo): Promise<PasswordPassed> {
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
    const withCode = Boolean(input.totpCode);
    if (!hasCaptcha && !withCode && (await this.throttle.captchaRequired(username, client.ip)))
      throw new AppError('AUTH_CAPTCHA_REQUIRED');
    if (hasCaptcha && !(await this.captcha.consume(input.captchaId as string, input.captchaText as string))) {
      await this.audit.record({ ...attempted, action: 'auth.captcha', result: 'failure', user: null });
      throw new AppError('AUTH_CAPTCHA_INVALID');
    }
    const user = await this.users.findOneBy({ username });
    // Unknown users are checked against a decoy hash: same work, same time, same answer.
    const ok = await verifyPassword(input.password, user?.passwordHash ?? (await decoyPasswordHash()));
    // The code is checked only behind a right password (it is the second factor); an account
    // without an authenticator cannot pass this way. The answer below is the same either way.
    const codeOk =
      withCode && user && ok && isMfaEnabled(user) ? await this.mfa.verifyCode(user, input.totpCode as string) : false;
    if (user && ok && (!withCode || codeOk)) return { user, withCode };
    const locked = await this.throttle.recordFailure(username, client.ip);
    await this.audit.record({
      ...attempted,
      action: 'auth.login',
      result: 'failure',
      user,
      // Only the audit log tells the two apart (for the administrator who helps the user).
      detail: { reason: user && ok ? 'bad_code' : 'bad_credentials' },
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
