import { Config, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { Repository } from 'typeorm';
import { checkPassword, passwordProblemMessages, requiresMfa } from '@zhili/shared';
import type { PasswordProblem, Role, TokenPair } from '@zhili/shared';
import type { StaffEnv } from './staff.config';
import { AppError } from '../../core/errors/app-error';
import { ClientInfo, SessionService } from '../../core/auth/session.service';
import type { Principal } from '../../core/auth/principal';
import { Region } from '../region';
import { StaffUser } from './staff-user.entity';
import { StaffPasswordHistory } from './staff-password-history.entity';
import type { StaffProfileVO } from '@zhili/shared';
import { hashPassword } from './password';
import { timeOrderedId } from './time-ordered-id';
import { buildStaffProfile, isMfaEnabled, staffPrincipal } from './staff-profile';

/**
 * The profile without the region name and with the default password age.
 * @deprecated Use StaffService.profile / profileOf, which fill in the region and the configured policy.
 */
export function toStaffProfile(user: StaffUser): StaffProfileVO {
  return buildStaffProfile(user, { maxAgeDays: 90, regionName: null });
}

/** AUTH_PASSWORD_POLICY with one field detail per broken rule, in Chinese. */
export function passwordPolicyError(problems: PasswordProblem[], field: string): AppError {
  return new AppError(
    'AUTH_PASSWORD_POLICY',
    undefined,
    problems.map((p) => ({ field, message: passwordProblemMessages[p] })),
  );
}

export interface NewStaffUser {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
}

/** Staff accounts of the admin portal: creation, profile, and the staff side of token refresh. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StaffService {
  @InjectEntityModel(StaffUser)
  private users!: Repository<StaffUser>;

  @InjectEntityModel(StaffPasswordHistory)
  private history!: Repository<StaffPasswordHistory>;

  @InjectEntityModel(Region)
  private regions!: Repository<Region>;

  @Inject()
  private sessions!: SessionService;

  @Config('zhili.modules.staff')
  private env!: StaffEnv;

  /**
   * Rotates a refresh token after the idle-timeout check, re-reading the account: a disabled one is
   * refused, roles and the password-change requirement come fresh from the database, and a role
   * that requires MFA is refused while MFA is not enrolled (enrolment only happens at login).
   */
  async refresh(refreshToken: string, client: ClientInfo): Promise<TokenPair> {
    return this.sessions.refresh(
      'staff',
      refreshToken,
      client,
      async (id) => {
        const user = await this.get(id);
        if (user.status !== 'active') throw new AppError('AUTH_ACCOUNT_DISABLED');
        if (requiresMfa(user.roles) && !isMfaEnabled(user)) throw new AppError('AUTH_MFA_ENROLL_REQUIRED');
        return this.principalOf(user);
      },
      { idleTimeoutSec: this.env.STAFF_IDLE_TIMEOUT_SEC },
    );
  }

  principalOf(user: StaffUser): Principal {
    return staffPrincipal(user, this.env.PASSWORD_MAX_AGE_DAYS);
  }

  async profile(id: string): Promise<StaffProfileVO> {
    return this.profileOf(await this.get(id));
  }

  async profileOf(user: StaffUser): Promise<StaffProfileVO> {
    const region = user.regionId
      ? await this.regions.findOne({ where: { id: user.regionId }, select: { id: true, name: true } })
      : null;
    return buildStaffProfile(user, { maxAgeDays: this.env.PASSWORD_MAX_AGE_DAYS, regionName: region?.name ?? null });
  }

  /**
   * Creates an account that must change its password at first login. The password must satisfy
   * the policy (AUTH_PASSWORD_POLICY otherwise) and starts the account's password history.
   */
  async create(input: NewStaffUser): Promise<StaffUser> {
    const problems = checkPassword(input.password, input.username);
    if (problems.length) throw passwordPolicyError(problems, 'password');
    const passwordHash = await hashPassword(input.password);
    const user = this.users.create({
      id: randomUUID(),
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      roles: input.roles,
      grants: [],
      regionId: null,
      scopePath: null,
      status: 'active',
      mustChangePassword: true,
      passwordChangedAt: null,
      mfaEnabledAt: null,
      lastLoginAt: null,
    });
    await this.users.insert(user);
    await this.history.insert({ id: timeOrderedId(), staffId: user.id, passwordHash });
    return user;
  }

  async findByUsername(username: string): Promise<StaffUser | null> {
    return this.users.findOneBy({ username });
  }

  /** The account behind a token; AUTH_TOKEN_INVALID when it no longer exists. */
  async get(id: string): Promise<StaffUser> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new AppError('AUTH_TOKEN_INVALID');
    return user;
  }
}
