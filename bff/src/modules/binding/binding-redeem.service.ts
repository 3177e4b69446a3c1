import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { IsNull, MoreThan, Repository } from 'typeorm';
import { bindingRoleRules, isBindingRole, type Role } from '@zhili/shared';
import { AppError } from '../../core/errors/app-error';
import type { Principal } from '../../core/auth/principal';
import type { ClientInfo } from '../../core/auth/session.service';
import { PiiCipher } from '../../core/crypto/pii-cipher';
import { InfraService } from '../../core/infra/infra.service';
import { AuditService } from '../../core/audit';
import { MpGrantService, MpUserService, type GrantResult } from '../mp-user';
import { Region } from '../region';
import { BindingCode } from './binding-code.entity';
import { CODE_HASH_PURPOSE, normalizeCode } from './binding-code';
import type { BindingRedeemVO } from '@zhili/shared';

/**
 * Attempts per mini-program user and hour, successful or not. With 2^40 codes and a handful pending
 * at any time, guessing one at 10 tries an hour is hopeless even with many accounts.
 */
export const REDEEM_LIMIT = { name: 'binding.redeem', limit: 10, windowSec: 3600 };

/** Mini-program side of binding codes: redeeming one grants the code's role in the code's region. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class BindingRedeemService {
  @InjectEntityModel(BindingCode)
  private codes!: Repository<BindingCode>;

  @Inject()
  private grants!: MpGrantService;

  /** Read-only: the region's current path becomes the grant's (for a grid worker: their scope). */
  @InjectEntityModel(Region)
  private regions!: Repository<Region>;

  @Inject()
  private cipher!: PiiCipher;

  @Inject()
  private mpUsers!: MpUserService;

  @Inject()
  private infraService!: InfraService;

  @Inject()
  private audit!: AuditService;

  /**
   * Claims the code with one conditional UPDATE (unused and unexpired → used by me), so of two
   * concurrent redeemers exactly one wins. The grant is then made under a per-user lock (the roles
   * column is read-modify-write); should it fail, the claim is released again.
   */
  async redeem(principal: Principal, input: string, client: ClientInfo): Promise<BindingRedeemVO> {
    if ((await this.infraService.infra.rateLimiter(REDEEM_LIMIT).consume(principal.id)).limited)
      throw new AppError('RATE_LIMITED');
    const code = normalizeCode(input);
    const binding = code ? await this.codes.findOneBy({ codeHash: this.cipher.digest(CODE_HASH_PURPOSE, code) }) : null;
    const now = new Date();
    const claimed = binding
      ? await this.codes.update(
          { id: binding.id, redeemedAt: IsNull(), expiresAt: MoreThan(now) },
          { redeemedAt: now, redeemedBy: principal.id },
        )
      : null;
    if (!binding || !claimed?.affected) {
      await this.recordFailure(principal, client, binding, binding ? 'used_or_expired' : 'unknown');
      throw new AppError('BINDING_CODE_INVALID');
    }
    let granted: GrantResult;
    try {
      granted = await this.grant(principal.id, binding);
    } catch (err) {
      await this.codes.update({ id: binding.id, redeemedBy: principal.id }, { redeemedAt: null, redeemedBy: null });
      throw err;
    }
    await this.audit.record({
      actor: principal,
      client,
      action: 'binding.redeem',
      resourceType: 'binding_code',
      resourceId: binding.id,
      result: 'success',
      detail: { role: binding.role, regionId: binding.regionId, previousRegionId: granted.previousRegionId },
    });
    // The access token carries the roles: hand out a pair with the new one right away.
    const tokens = await this.mpUsers.issueSession(principal.id, client);
    return {
      ...tokens,
      profile: await this.mpUsers.profile(principal.id),
      role: binding.role as Role,
      region: granted.region,
    };
  }

  /**
   * The grant is the code's role in the code's region, and nothing else: it replaces only that role's
   * earlier grant, so a party member code never moves the grid of a grid worker (issue #11).
   */
  private async grant(userId: string, binding: BindingCode): Promise<GrantResult> {
    const region = await this.regions.findOneBy({ id: binding.regionId });
    // The region was deleted after the code was issued (or the row does not fit the rules any more):
    // the code cannot be honoured.
    if (
      !region ||
      !isBindingRole(binding.role) ||
      !bindingRoleRules[binding.role].regionLevels.includes(region.level)
    ) {
      throw new AppError('BINDING_CODE_INVALID');
    }
    return this.grants.grant(userId, binding.role, region, binding.id);
  }

  private async recordFailure(
    principal: Principal,
    client: ClientInfo,
    binding: BindingCode | null,
    reason: string,
  ): Promise<void> {
    await this.audit.record({
      actor: principal,
      client,
      action: 'binding.redeem',
      resourceType: 'binding_code',
      resourceId: binding?.id ?? null,
      result: 'failure',
      detail: { reason },
    });
  }
}
