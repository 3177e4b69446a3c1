import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource, InjectEntityModel } from '@midwayjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { maskPhone } from '@zhili/shared';
import type { Principal } from '../../core/auth/principal';
import type { ClientInfo } from '../../core/auth/session.service';
import { PiiCipher } from '../../core/crypto/pii-cipher';
import { ScopedRepository } from '../../core/scope/scoped-repository';
import { AuditService } from '../../core/audit';
import { Region } from '../region';
import { AppError } from '../../core/errors/app-error';
import { MpGrantService } from './mp-grant.service';
import { MpUser } from './mp-user.entity';
import type { ResidentPiiVO, ResidentVO } from '@zhili/shared';

/**
 * Staff views of mini-program users. Every read goes through the caller's region scope: residents
 * of other regions, and residents without a region, answer 404 exactly like unknown ids.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class ResidentAdminService {
  @InjectDataSource()
  private dataSource!: DataSource;

  /** Read-only: region names. */
  @InjectEntityModel(Region)
  private regions!: Repository<Region>;

  @Inject()
  private cipher!: PiiCipher;

  @Inject()
  private audit!: AuditService;

  @Inject()
  private grants!: MpGrantService;

  private scoped?: ScopedRepository<MpUser>;

  private get residents(): ScopedRepository<MpUser> {
    this.scoped ??= new ScopedRepository(this.dataSource, MpUser, 'scopePath', 'u');
    return this.scoped;
  }

  /**
   * The user if staff may see them: their grid (mp_user.scope_path) or any role grant's region lies
   * in the caller's scope; otherwise 404 like an unknown id.
   */
  private async visible(principal: Principal, id: string): Promise<MpUser> {
    try {
      return await this.residents.get(principal, id);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'NOT_FOUND' || !(await this.grants.hasGrantInScope(principal, id)))
        throw err;
      const user = await this.dataSource.getRepository(MpUser).findOneBy({ id });
      if (!user) throw err;
      return user;
    }
  }

  async get(principal: Principal, id: string): Promise<ResidentVO> {
    const user = await this.visible(principal, id);
    const phone = this.cipher.open(user.phone);
    const region = user.regionId ? await this.regions.findOneBy({ id: user.regionId }) : null;
    const grants = await this.grants.grantsOf(user.id);
    // The grid worker's grid, else the region of another grant (a party member's village).
    const shown = region ? { id: region.id, name: region.name } : (grants.find((g) => g.region)?.region ?? null);
    return {
      id: user.id,
      nickname: user.nickname,
      roles: user.roles,
      regionId: shown?.id ?? null,
      regionName: shown?.name ?? null,
      grants,
      phoneMasked: phone ? maskPhone(phone) : null,
      createdAt: user.createdAt.toISOString(),
      lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    };
  }

  /** The unmasked phone; the read is audited (the guard already required person:pii:read). */
  async pii(principal: Principal, id: string, client: ClientInfo): Promise<ResidentPiiVO> {
    const user = await this.visible(principal, id);
    const phone = this.cipher.open(user.phone);
    await this.audit.record({
      actor: principal,
      client,
      action: 'pii.read',
      resourceType: 'mp_user',
      resourceId: user.id,
      result: 'success',
      detail: { fields: ['phone'], present: phone !== null },
    });
    return { id: user.id, phone };
  }
}
