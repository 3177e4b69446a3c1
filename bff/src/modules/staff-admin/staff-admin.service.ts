import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Repository } from 'typeorm';
import { hasPermission, maskPhone, Permission, Role } from '@zhili/shared';
import type { AuditAction } from '@zhili/shared';
import { AppError } from '../../core/errors/app-error';
import type { Principal } from '../../core/auth/principal';
import { SessionService } from '../../core/auth/session.service';
import { RegionService } from '../region';
import { StaffService } from '../staff';
import { StaffUser } from '../staff';
import { hashPassword } from '../staff';
import { randomInitialPassword } from './initial-password';
import { added, grantablePermissions, grantableRoles, isSuperAdmin, mayManage, sameSet } from './privilege';
import { Acting, StaffAdminAudit } from './staff-admin-audit';
import { StaffContactService } from './staff-contact.service';
import { StaffDirectoryService } from './staff-directory.service';
import { changedFields } from './staff-user.view';
import type { CreatedUserVO, StaffUserVO } from '@zhili/shared';

export interface NewUserInput {
  username: string;
  displayName: string;
  roles: Role[];
  regionId: string;
  phone?: string | null;
}

export interface UserPatch {
  displayName?: string;
  roles?: Role[];
  regionId?: string;
  grants?: Permission[];
  phone?: string | null;
}

const PII: Permission = 'person:pii:read';
const canAssign = (actor: Principal) => hasPermission(actor.roles, 'role:assign', actor.grants);

function isUniqueViolation(err: unknown): boolean {
  const driver = (err as { driverError?: { code?: string; errno?: number } }).driverError;
  return driver?.code === 'SQLITE_CONSTRAINT_UNIQUE' || driver?.code === 'ER_DUP_ENTRY' || driver?.errno === 1062;
}

function piiChange(from: unknown, to: unknown): 'granted' | 'revoked' | undefined {
  const had = Array.isArray(from) && from.includes(PII);
  const has = Array.isArray(to) && to.includes(PII);
  if (had === has) return undefined;
  return has ? 'granted' : 'revoked';
}

/**
 * Creating and changing staff accounts (issue #3). Writes go through the caller's region scope
 * (accounts elsewhere answer 404), are checked against the rules of privilege.ts and are audited —
 * refusals included, as `denied`.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StaffAdminService {
  @InjectEntityModel(StaffUser)
  private users!: Repository<StaffUser>;

  @Inject()
  private directory!: StaffDirectoryService;

  @Inject()
  private regions!: RegionService;

  @Inject()
  private sessions!: SessionService;

  @Inject()
  private audit!: StaffAdminAudit;

  @Inject()
  private staff!: StaffService;

  @Inject()
  private contacts!: StaffContactService;

  /** Creates an account with a random initial password (shown once, must be changed at first login). */
  async create(acting: Acting, input: NewUserInput): Promise<CreatedUserVO> {
    const { actor } = acting;
    const action = 'user.create';
    if (!canAssign(actor))
      await this.audit.deny(acting, action, null, 'role:assign required', '创建账号需要“分配角色与管辖范围”权限');
    const region = await this.regions.getInScope(actor, input.regionId);
    const refused = input.roles.filter((r) => !grantableRoles(actor).includes(r));
    if (refused.length) {
      await this.audit.deny(
        acting,
        action,
        null,
        `roles beyond own permissions: ${refused.join(',')}`,
        '不能授予超出本人权限的角色',
      );
    }
    const phone = input.phone ? StaffContactService.normalize(input.phone) : null;
    if (await this.staff.findByUsername(input.username)) throw new AppError('CONFLICT', '用户名已存在');
    const initialPassword = randomInitialPassword(input.username);
    let created: StaffUser;
    try {
      created = await this.staff.create({
        username: input.username,
        displayName: input.displayName,
        password: initialPassword,
        roles: input.roles,
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('CONFLICT', '用户名已存在');
      throw err;
    }
    await this.users.update(
      { id: created.id },
      { regionId: region.id, scopePath: region.path, grants: [], mustChangePassword: true },
    );
    if (phone) await this.contacts.setPhone(created.id, phone);
    const user = await this.users.findOneByOrFail({ id: created.id });
    await this.audit.record(acting, action, user.id, 'success', {
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      regionId: user.regionId,
      ...(phone ? { phone: maskPhone(phone) } : {}),
    });
    return { user: await this.directory.view(user), initialPassword };
  }

  /**
   * Display name and phone need user:manage (the route); roles, region and grants also role:assign.
   * The account's sessions end when its roles, region or grants change, so new limits apply at once.
   */
  async update(acting: Acting, id: string, patch: UserPatch): Promise<StaffUserVO> {
    const { actor } = acting;
    const action = 'user.update';
    const deny = (reason: string, message: string) => this.audit.deny(acting, action, id, reason, message);
    // undefined = leave as is; null or '' = clear.
    const phone =
      patch.phone === undefined ? undefined : patch.phone ? StaffContactService.normalize(patch.phone) : null;
    let before: Pick<StaffUser, 'displayName' | 'roles' | 'regionId' | 'grants'> | undefined;
    const user = await this.directory.scoped.update(actor, id, async (target) => {
      await this.assertMayManage(acting, action, target);
      before = {
        displayName: target.displayName,
        roles: [...target.roles],
        regionId: target.regionId,
        grants: [...(target.grants ?? [])],
      };
      const rolesChange = patch.roles !== undefined && !sameSet(target.roles, patch.roles);
      const grantsChange = patch.grants !== undefined && !sameSet(target.grants, patch.grants);
      const regionChange = patch.regionId !== undefined && patch.regionId !== target.regionId;
      if (rolesChange || grantsChange || regionChange) {
        if (!canAssign(actor))
          await deny('role:assign required', '修改角色、管辖范围或授权需要“分配角色与管辖范围”权限');
        if (target.id === actor.id) await deny('self-grant', '不能修改自己的角色、管辖范围或授权');
      }
      if (rolesChange && patch.roles) {
        const refused = added(target.roles, patch.roles).filter((r) => !grantableRoles(actor).includes(r));
        if (refused.length)
          await deny(`roles beyond own permissions: ${refused.join(',')}`, '不能授予超出本人权限的角色');
        target.roles = patch.roles;
      }
      if (grantsChange && patch.grants) {
        const newGrants = added(target.grants, patch.grants);
        if (newGrants.includes(PII) && !isSuperAdmin(actor)) {
          await deny('pii grant by non super admin', '只有超级管理员可以授予查看未脱敏个人信息的权限');
        }
        const refused = newGrants.filter((p) => !grantablePermissions(actor).includes(p));
        if (refused.length)
          await deny(`grants beyond own permissions: ${refused.join(',')}`, '不能授予超出本人权限的权限');
        target.grants = patch.grants;
      }
      if (regionChange && patch.regionId) {
        const region = await this.regions.getInScope(actor, patch.regionId);
        target.regionId = region.id;
        target.scopePath = region.path;
      }
      if (patch.displayName !== undefined) target.displayName = patch.displayName;
    });
    const diff = before ? changedFields(before, user) : {};
    if (diff.roles || diff.grants || diff.regionId) await this.sessions.revokeAllFor('staff', user.id);
    const pii = diff.grants ? piiChange(diff.grants.from, diff.grants.to) : undefined;
    const changes: Record<string, unknown> = { ...diff };
    if (phone !== undefined) {
      await this.contacts.setPhone(user.id, phone);
      changes.phone = { to: phone ? maskPhone(phone) : null };
    }
    await this.audit.record(acting, action, user.id, 'success', { changes, ...(pii ? { piiGrant: pii } : {}) });
    return this.directory.view(user);
  }

  /** Disabling ends every session of the account at once; nobody disables themselves. */
  async setStatus(acting: Acting, id: string, status: 'active' | 'disabled'): Promise<StaffUserVO> {
    const action = status === 'disabled' ? 'user.disable' : 'user.enable';
    let previous: string | undefined;
    const user = await this.directory.scoped.update(acting.actor, id, async (target) => {
      if (status === 'disabled' && target.id === acting.actor.id) {
        await this.audit.deny(acting, action, id, 'self-disable', '不能停用自己的账号');
      }
      await this.assertMayManage(acting, action, target);
      previous = target.status;
      target.status = status;
    });
    if (status === 'disabled') await this.sessions.revokeAllFor('staff', user.id);
    await this.audit.record(acting, action, user.id, 'success', { status: { from: previous, to: status } });
    return this.directory.view(user);
  }

  /** A new random temporary password (shown once); the account must change it at the next login. */
  async resetPassword(acting: Acting, id: string): Promise<{ temporaryPassword: string }> {
    const action = 'user.reset_password';
    let temporaryPassword = '';
    const user = await this.directory.scoped.update(acting.actor, id, async (target) => {
      // Resetting one's own password here would skip the current-password check of self-service.
      if (target.id === acting.actor.id)
        await this.audit.deny(acting, action, id, 'self-reset', '请在个人设置中修改自己的密码');
      await this.assertMayManage(acting, action, target);
      temporaryPassword = randomInitialPassword(target.username);
      target.passwordHash = await hashPassword(temporaryPassword);
      target.mustChangePassword = true;
    });
    await this.sessions.revokeAllFor('staff', user.id);
    await this.audit.record(acting, action, user.id, 'success', { forcedChangeAtNextLogin: true });
    return { temporaryPassword };
  }

  private async assertMayManage(acting: Acting, action: AuditAction, target: StaffUser): Promise<void> {
    if (!mayManage(acting.actor, target)) {
      await this.audit.deny(
        acting,
        action,
        target.id,
        'target holds permissions the actor lacks',
        '不能管理权限高于本人的账号',
      );
    }
  }
}
