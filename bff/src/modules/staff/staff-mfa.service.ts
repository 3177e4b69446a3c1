import { Config, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { toDataURL } from 'qrcode';
import { IsNull, Repository } from 'typeorm';
import { requiresMfa } from '@zhili/shared';
import type { AppEnv } from '../../config/env';
import { AppError } from '../../core/errors/app-error';
import type { ClientInfo } from '../../core/auth/session.service';
import type { Principal } from '../../core/auth/principal';
import { InfraService } from '../../core/infra/infra.service';
import { StaffUser } from './staff-user.entity';
import { StaffRecoveryCode } from './staff-recovery-code.entity';
import type { MfaSetupVO } from '@zhili/shared';
import { MfaChallengeStore } from './mfa-challenge.store';
import { LoginThrottleService } from './login-throttle.service';
import { StaffAuthAudit } from './staff-auth-audit';
import { isMfaEnabled } from './staff-profile';
import {
  matchTotpStep,
  MfaSecretBox,
  newRecoveryCode,
  newTotpSecret,
  RECOVERY_CODE_COUNT,
  RecoveryCodeHasher,
  totpOf,
} from './mfa-crypto';

/** Who enrols: a signed-in staff member, or a login holding an mfaToken (its id given). */
export interface EnrolmentSubject {
  userId: string;
  challengeJti?: string;
}

const PENDING_TTL_SEC = 600;
// Steps stay "used" past the ±1-step acceptance window (90 s) so a replay can never match again.
const USED_STEP_TTL_SEC = 150;
const pendingKey = (userId: string) => `auth:mfa_pending:${userId}`;
const usedStepKey = (userId: string, step: number) => `auth:totp_used:${userId}:${step}`;
const lastStepKey = (userId: string) => `auth:totp_last:${userId}`;

/**
 * TOTP two-factor authentication of staff: enrolment (pending secret until a first code confirms
 * it), verification with replay protection (each time step is accepted once, and never one older
 * than the last accepted), single-use recovery codes, and disabling where the roles allow it.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StaffMfaService {
  @Config('zhili.env')
  private env!: Pick<AppEnv, 'JWT_SECRET' | 'MFA_ISSUER'>;

  @InjectEntityModel(StaffUser)
  private users!: Repository<StaffUser>;

  @InjectEntityModel(StaffRecoveryCode)
  private recoveryCodes!: Repository<StaffRecoveryCode>;

  @Inject()
  private infraService!: InfraService;

  @Inject()
  private challenges!: MfaChallengeStore;

  @Inject()
  private throttle!: LoginThrottleService;

  @Inject()
  private audit!: StaffAuthAudit;

  private boxInstance?: MfaSecretBox;
  private hasherInstance?: RecoveryCodeHasher;

  private get box(): MfaSecretBox {
    this.boxInstance ??= new MfaSecretBox(this.env.JWT_SECRET);
    return this.boxInstance;
  }

  private get hasher(): RecoveryCodeHasher {
    this.hasherInstance ??= new RecoveryCodeHasher(this.env.JWT_SECRET);
    return this.hasherInstance;
  }

  private get cache() {
    return this.infraService.infra.cache;
  }

  /** A new pending secret (replacing any earlier pending one); the secret is shown only now. */
  async beginSetup(subject: EnrolmentSubject): Promise<MfaSetupVO> {
    const user = await this.enrollingUser(subject);
    const secret = newTotpSecret();
    await this.cache.set(pendingKey(user.id), this.box.seal(secret, user.id), PENDING_TTL_SEC);
    const otpauthUrl = totpOf(secret, this.env.MFA_ISSUER, user.username).toString();
    const qrDataUrl = await toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
    return { secret, otpauthUrl, qrDataUrl };
  }

  /** Confirms the pending secret with a code from the app; answers the recovery codes (shown once). */
  async confirmSetup(subject: EnrolmentSubject, code: string, client: ClientInfo): Promise<string[]> {
    const user = await this.enrollingUser(subject);
    const sealed = await this.cache.get(pendingKey(user.id));
    const secret = sealed ? this.box.open(sealed, user.id) : null;
    if (!secret) throw new AppError('AUTH_MFA_INVALID');
    const step = matchTotpStep(totpOf(secret, this.env.MFA_ISSUER, user.username), code);
    if (step === null || !(await this.claimStep(user.id, step))) throw new AppError('AUTH_MFA_INVALID');
    // Conditional on "not enabled yet", so two confirmations cannot both install a secret.
    const enabled = await this.users.update(
      { id: user.id, mfaEnabledAt: IsNull() },
      { mfaSecret: this.box.seal(secret, user.id), mfaEnabledAt: new Date() },
    );
    if (!enabled.affected) throw new AppError('CONFLICT');
    await this.cache.del(pendingKey(user.id));
    const codes = await this.replaceRecoveryCodes(user.id);
    if (subject.challengeJti) await this.challenges.markEnrolled(subject.challengeJti);
    await this.audit.record({
      action: 'auth.mfa_enrol',
      result: 'success',
      user,
      client,
      detail: { duringLogin: Boolean(subject.challengeJti) },
    });
    return codes;
  }

  /** Whether `code` is the account's current TOTP code, not used before (the step is spent). */
  async verifyCode(user: StaffUser, code: string): Promise<boolean> {
    const row = await this.users.findOne({ where: { id: user.id }, select: { id: true, mfaSecret: true } });
    const secret = row?.mfaSecret ? this.box.open(row.mfaSecret, user.id) : null;
    if (!secret) return false;
    const step = matchTotpStep(totpOf(secret, this.env.MFA_ISSUER, user.username), code);
    return step !== null && this.claimStep(user.id, step);
  }

  /** Spends a recovery code; the number still unused, or null when the code is not a live one. */
  async useRecoveryCode(user: StaffUser, code: string): Promise<number | null> {
    const used = await this.recoveryCodes.update(
      { staffId: user.id, codeHash: this.hasher.hash(code), usedAt: IsNull() },
      { usedAt: new Date() },
    );
    if (!used.affected) return null;
    return this.recoveryCodes.countBy({ staffId: user.id, usedAt: IsNull() });
  }

  /** Self-service disabling with a current code; refused (403) for roles that require MFA. */
  async disable(actor: Principal, code: string, client: ClientInfo): Promise<void> {
    const user = await this.users.findOneBy({ id: actor.id });
    if (!user) throw new AppError('AUTH_TOKEN_INVALID');
    if (requiresMfa(user.roles)) {
      await this.audit.record({
        action: 'auth.mfa_disable',
        result: 'denied',
        user,
        client,
        detail: { reason: 'required_by_role' },
      });
      throw new AppError('FORBIDDEN');
    }
    if (!isMfaEnabled(user)) throw new AppError('CONFLICT');
    await this.throttle.serialize(user.username, async () => {
      if (await this.throttle.isLocked(user.username)) throw new AppError('AUTH_ACCOUNT_LOCKED');
      if (await this.verifyCode(user, code)) return;
      // A stolen session must not be able to guess its way to switching MFA off.
      const locked = await this.throttle.recordFailure(user.username, undefined);
      await this.audit.record({
        action: 'auth.mfa_disable',
        result: 'failure',
        user,
        client,
        detail: { reason: 'bad_code' },
      });
      throw new AppError(locked ? 'AUTH_ACCOUNT_LOCKED' : 'AUTH_MFA_INVALID');
    });
    await this.reset(user.id);
    await this.audit.record({ action: 'auth.mfa_disable', result: 'success', user, client });
  }

  /** Removes MFA from an account (its secret and recovery codes). Callers audit and end sessions. */
  async reset(userId: string): Promise<void> {
    await this.users.update({ id: userId }, { mfaSecret: null, mfaEnabledAt: null });
    await this.recoveryCodes.delete({ staffId: userId });
    await this.cache.del(pendingKey(userId));
  }

  private async enrollingUser(subject: EnrolmentSubject): Promise<StaffUser> {
    if (subject.challengeJti && (await this.challenges.isSpent(subject.challengeJti)))
      throw new AppError('AUTH_TOKEN_INVALID');
    const user = await this.users.findOneBy({ id: subject.userId });
    if (!user || user.status !== 'active') throw new AppError('AUTH_TOKEN_INVALID');
    // Replacing an enrolled authenticator would let a stolen session take over the second factor.
    if (isMfaEnabled(user)) throw new AppError('CONFLICT');
    return user;
  }

  /** Accepts a time step once, and never one older than the last accepted (replay protection). */
  private async claimStep(userId: string, step: number): Promise<boolean> {
    const last = await this.cache.get(lastStepKey(userId));
    if (last !== null && step <= Number(last)) return false;
    if (!(await this.cache.setIfAbsent(usedStepKey(userId, step), '1', USED_STEP_TTL_SEC))) return false;
    await this.cache.set(lastStepKey(userId), String(step), USED_STEP_TTL_SEC);
    return true;
  }

  private async replaceRecoveryCodes(userId: string): Promise<string[]> {
    await this.recoveryCodes.delete({ staffId: userId });
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await this.recoveryCodes.insert(
      codes.map((code) => ({ id: randomUUID(), staffId: userId, codeHash: this.hasher.hash(code), usedAt: null })),
    );
    return codes;
  }
}
