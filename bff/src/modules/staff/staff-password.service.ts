import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { In, Repository } from 'typeorm';
import { checkPassword, passwordPolicy } from '@zhili/shared';
import type { TokenPair } from '@zhili/shared';
import { AppError } from '../../core/errors/app-error';
import { ClientInfo, SessionService } from '../../core/auth/session.service';
import type { Principal } from '../../core/auth/principal';
import { StaffUser } from './staff-user.entity';
import { StaffPasswordHistory } from './staff-password-history.entity';
import { LoginThrottleService } from './login-throttle.service';
import { StaffAuthAudit } from './staff-auth-audit';
import { StaffService, passwordPolicyError } from './staff.service';
import { hashPassword, verifyPassword } from './password';
import { timeOrderedId } from './time-ordered-id';

/**
 * Self-service password change (also the way out of "must change" and expiry). The current password
 * is required (guesses count towards the account lock), the new one must satisfy the policy and
 * differ from the current one and the last `historySize` ones.
 *
 * A change ends every session of the account — this one included, since its access token still
 * says "change required" — and answers a fresh token pair, so the caller continues signed in
 * (with the second factor it already gave) while any other device has to log in again.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StaffPasswordService {
  @InjectEntityModel(StaffUser)
  private users!: Repository<StaffUser>;

  @InjectEntityModel(StaffPasswordHistory)
  private history!: Repository<StaffPasswordHistory>;

  @Inject()
  private staff!: StaffService;

  @Inject()
  private sessions!: SessionService;

  @Inject()
  private throttle!: LoginThrottleService;

  @Inject()
  private audit!: StaffAuthAudit;

  async change(
    actor: Principal,
    currentPassword: string,
    newPassword: string,
    client: ClientInfo,
  ): Promise<{ ok: true } & TokenPair> {
    const user = await this.staff.get(actor.id);
    await this.checkCurrent(user, currentPassword, client);
    const problems = checkPassword(newPassword, user.username);
    if (problems.length) throw passwordPolicyError(problems, 'newPassword');
    if (await this.isReused(user, newPassword)) throw new AppError('AUTH_PASSWORD_REUSED');

    const passwordHash = await hashPassword(newPassword);
    const changedAt = new Date();
    await this.users.update({ id: user.id }, { passwordHash, mustChangePassword: false, passwordChangedAt: changedAt });
    await this.remember(user.id, passwordHash);
    await this.sessions.revokeAllFor('staff', user.id);
    const updated = { ...user, passwordHash, mustChangePassword: false, passwordChangedAt: changedAt };
    const tokens = await this.sessions.issue(this.staff.principalOf(updated), client);
    await this.audit.record({
      action: 'auth.password_change',
      result: 'success',
      user,
      client,
      detail: { wasRequired: user.mustChangePassword },
    });
    return { ok: true, ...tokens };
  }

  private async checkCurrent(user: StaffUser, currentPassword: string, client: ClientInfo): Promise<void> {
    await this.throttle.serialize(user.username, async () => {
      if (await this.throttle.isLocked(user.username)) throw new AppError('AUTH_ACCOUNT_LOCKED');
      if (await verifyPassword(currentPassword, user.passwordHash)) return;
      const locked = await this.throttle.recordFailure(user.username, undefined);
      await this.audit.record({
        action: 'auth.password_change',
        result: 'failure',
        user,
        client,
        detail: { reason: 'bad_current_password' },
      });
      if (locked) throw new AppError('AUTH_ACCOUNT_LOCKED');
      throw new AppError('AUTH_INVALID_CREDENTIALS', undefined, [
        { field: 'currentPassword', message: '当前密码不正确' },
      ]);
    });
  }

  /** The current password or one of the last `historySize` (checked concurrently: scrypt is slow). */
  private async isReused(user: StaffUser, candidate: string): Promise<boolean> {
    const recent = await this.history.find({
      where: { staffId: user.id },
      // Ids are time-ordered (created_at has whole seconds on SQLite).
      order: { id: 'DESC' },
      take: passwordPolicy.historySize,
      select: { id: true, passwordHash: true },
    });
    const hashes = new Set([user.passwordHash, ...recent.map((h) => h.passwordHash)]);
    const matches = await Promise.all([...hashes].map((hash) => verifyPassword(candidate, hash)));
    return matches.some(Boolean);
  }

  /** Appends to the history and keeps only the newest `historySize` entries. */
  private async remember(staffId: string, passwordHash: string): Promise<void> {
    await this.history.insert({ id: timeOrderedId(), staffId, passwordHash });
    const all = await this.history.find({ where: { staffId }, order: { id: 'DESC' }, select: { id: true } });
    const stale = all.slice(passwordPolicy.historySize).map((h) => h.id);
    if (stale.length) await this.history.delete({ id: In(stale) });
  }
}
