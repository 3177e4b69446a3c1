import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource, InjectEntityModel } from '@midwayjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { maskPhone } from '@zhili/shared';
import type { Principal } from '../../core/auth/principal';
import type { ClientInfo } from '../../core/auth/session.service';
import { PiiCipher } from '../../core/crypto/pii-cipher';
import { ScopedRepository } from '../../core/scope/scoped-repository';
import { AuditService } from '../audit';
import { Region } from '../region/region.entity';
import { MpUser } from './mp-user.entity';
import type { ResidentPiiVO, ResidentVO } from './resident.dto';

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

  private scoped?: ScopedRepository<MpUser>;

  private get residents(): ScopedRepository<MpUser> {
    this.scoped ??= new ScopedRepository(this.dataSource, MpUser, 'scopePath', 'u');
    return this.scoped;
  }

  async get(principal: Principal, id: string): Promise<ResidentVO> {
    const user = await this.residents.get(principal, id);
    const phone = this.cipher.open(user.phone);
    const region = user.regionId ? await this.regions.findOneBy({ id: user.regionId }) : null;
    return {
      id: user.id,
      nickname: user.nickname,
      roles: user.roles,
      regionId: user.regionId as string,
      regionName: region?.name ?? null,
      phoneMasked: phone ? maskPhone(phone) : null,
      createdAt: user.createdAt.toISOString(),
      lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    };
  }

  /** The unmasked phone; the read is audited (the guard already required person:pii:read). */
  async pii(principal: Principal, id: string, client: ClientInfo): Promise<ResidentPiiVO> {
    const user = await this.residents.get(principal, id);
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
