import { Init, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { In, Repository } from 'typeorm';
import { maskPhone } from '@zhili/shared';
import { PiiCipher } from '../../core/crypto/pii-cipher';
import { RegionUsageService, RegionWorkersService } from '../region';
import type { BoundRegionWorker, RegionWorkerSource } from '../region';
import { MpUser } from './mp-user.entity';

/**
 * What mini-program users mean to regions: a region with bound users cannot be deleted, and grid
 * workers bound to it are among its workers (phone decrypted and masked).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MpUserRegionLinks implements RegionWorkerSource {
  @InjectEntityModel(MpUser)
  private mpUsers!: Repository<MpUser>;

  @Inject()
  private cipher!: PiiCipher;

  @Inject()
  private usage!: RegionUsageService;

  @Inject()
  private workers!: RegionWorkersService;

  @Init()
  register(): void {
    this.usage.register({ label: '绑定的小程序用户', entity: MpUser, where: 't.region_id = :id', rank: 21 });
    this.workers.register(this);
  }

  async workersIn(regionIds: readonly string[]): Promise<BoundRegionWorker[]> {
    const users = await this.mpUsers.find({
      where: { regionId: In([...regionIds]) },
      select: {
        id: true,
        nickname: true,
        roles: true,
        regionId: true,
        phone: { cipher: true, keyId: true, hash: true },
      },
    });
    return users
      .filter((u) => u.roles.includes('grid_worker'))
      .map((user) => {
        const phone = this.cipher.open(user.phone);
        return {
          regionId: user.regionId,
          worker: {
            id: user.id,
            kind: 'mp',
            name: user.nickname,
            role: 'grid_worker',
            phone: phone ? maskPhone(phone) : null,
          },
        };
      });
  }
}
