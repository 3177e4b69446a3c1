import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { Repository } from 'typeorm';
import type { Role, TokenPair } from '@zhili/shared';
import { AppError } from '../../core/errors/app-error';
import { ClientInfo, SessionService } from '../../core/auth/session.service';
import type { Principal } from '../../core/auth/principal';
import { StaffUser } from './staff-user.entity';
import type { StaffProfileVO } from './staff.dto';
import { decoyPasswordHash, hashPassword, verifyPassword } from './password';

export function toStaffProfile(user: StaffUser): StaffProfileVO {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    mustChangePassword: user.mustChangePassword,
  };
}

const principalOf = (user: StaffUser): Principal => ({
  kind: 'staff',
  id: user.id,
  roles: user.roles,
  grants: user.grants ?? [],
  scopePath: user.scopePath,
});

export interface NewStaffUser {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
}

/** Staff accounts of the admin portal. The full password/lockout/MFA policy arrives with #3. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StaffService {
  @InjectEntityModel(StaffUser)
  private users!: Repository<StaffUser>;

  @Inject()
  private sessions!: SessionService;

  /** Same answer and similar timing whether the username is unknown or the password is wrong. */
  async login(username: string, password: string, client: ClientInfo): Promise<TokenPair & { user: StaffProfileVO }> {
    const user = await this.users.findOneBy({ username: username.trim() });
    const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
    if (!user || !ok) throw new AppError('AUTH_INVALID_CREDENTIALS');
    if (user.status !== 'active') throw new AppError('AUTH_ACCOUNT_DISABLED');
    user.lastLoginAt = new Date();
    await this.users.save(user);
    const tokens = await this.sessions.issue(principalOf(user), client);
    return { ...tokens, user: toStaffProfile(user) };
  }

  async refresh(refreshToken: string, client: ClientInfo): Promise<TokenPair> {
    return this.sessions.refresh('staff', refreshToken, client, async (id) => {
      const user = await this.get(id);
      if (user.status !== 'active') throw new AppError('AUTH_ACCOUNT_DISABLED');
      return principalOf(user);
    });
  }

  async profile(id: string): Promise<StaffProfileVO> {
    return toStaffProfile(await this.get(id));
  }

  /** Creates an account that must change its password at first login. */
  async create(input: NewStaffUser): Promise<StaffUser> {
    const user = this.users.create({
      id: randomUUID(),
      username: input.username,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      roles: input.roles,
      grants: [],
      regionId: null,
      scopePath: null,
      status: 'active',
      mustChangePassword: true,
      lastLoginAt: null,
    });
    await this.users.insert(user);
    return user;
  }

  async findByUsername(username: string): Promise<StaffUser | null> {
    return this.users.findOneBy({ username });
  }

  private async get(id: string): Promise<StaffUser> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new AppError('AUTH_TOKEN_INVALID');
    return user;
  }
}
