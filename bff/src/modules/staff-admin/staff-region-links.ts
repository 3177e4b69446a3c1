import { Init, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { In, Repository } from 'typeorm';
import type { Role } from '@zhili/shared';
import { REGION_WORKER_ROLES, RegionUsageService, RegionWorkersService } from '../region';
import type { BoundRegionWorker, RegionWorkerSource } from '../region';
import { StaffUser } from '../staff';
import { StaffContactService } from './staff-contact.service';

/**
 * What staff accounts mean to regions: a region with bound accounts cannot be deleted, and active
 * accounts bound with a worker role are the region's workers (phone from their contact, masked).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StaffRegionLinks implements RegionWorkerSource {
  @InjectEntityModel(StaffUser)
  private staff!: Repository<StaffUser>;

  @Inject()
  private contacts!: StaffContactService;

  @Inject()
  private usage!: RegionUsageService;

  @Inject()
  private workers!: RegionWorkersService;

  @Init()
  register(): void {
    this.usage.register({ label: '绑定的工作人员账号', entity: StaffUser, where: 't.region_id = :id', rank: 20 });
    this.workers.register(this);
  }

  async workersIn(regionIds: readonly string[]): Promise<BoundRegionWorker[]> {
    const staff = await this.staff.find({
      where: { regionId: In([...regionIds]), status: 'active' },
      select: { id: true, displayName: true, roles: true, regionId: true },
    });
    // roles is a JSON column: filtered here rather than with a database-specific JSON query.
    const bound = staff
      .map((user) => ({ user, role: REGION_WORKER_ROLES.find((r) => user.roles.includes(r)) }))
      .filter((w): w is { user: StaffUser; role: Role } => w.role !== undefined);
    const phones = await this.contacts.maskedPhones(bound.map((w) => w.user.id));
    return bound.map(({ user, role }) => ({
      regionId: user.regionId,
      worker: { id: user.id, kind: 'staff', name: user.displayName, role, phone: phones.get(user.id) ?? null },
    }));
  }
}
