import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { In, Repository } from 'typeorm';
import { maskPhone } from '@zhili/shared';
import type { RegionWorkerVO, Role } from '@zhili/shared';
import { PiiCipher } from '../../core/crypto/pii-cipher';
import { MpUser } from '../mp-user/mp-user.entity';
import { StaffUser } from '../staff/staff-user.entity';
import { StaffContactService } from '../staff-admin/staff-contact.service';

/** Roles that make a staff account responsible for the region it is bound to, most senior first. */
const STAFF_WORKER_ROLES: readonly Role[] = ['village_admin', 'community_admin', 'grid_leader', 'grid_worker'];

const seniority = (role: string): number => {
  const i = STAFF_WORKER_ROLES.indexOf(role as Role);
  return i < 0 ? STAFF_WORKER_ROLES.length : i;
};

/**
 * Who is responsible for a region (四级网格: 村/社区管理员, 网格长, 网格员): active staff accounts
 * bound to it with one of those roles, and mini-program grid workers bound to it. Phones masked.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class RegionWorkersService {
  @InjectEntityModel(StaffUser)
  private staff!: Repository<StaffUser>;

  @InjectEntityModel(MpUser)
  private mpUsers!: Repository<MpUser>;

  @Inject()
  private contacts!: StaffContactService;

  @Inject()
  private cipher!: PiiCipher;

  /** Workers per region id (regions without workers are absent), two queries for any number of regions. */
  async byRegion(regionIds: readonly string[]): Promise<Map<string, RegionWorkerVO[]>> {
    const ids = [...new Set(regionIds)];
    const result = new Map<string, RegionWorkerVO[]>();
    if (!ids.length) return result;
    const [staff, mp] = await Promise.all([
      this.staff.find({ where: { regionId: In(ids), status: 'active' }, select: { id: true, displayName: true, roles: true, regionId: true } }),
      this.mpUsers.find({ where: { regionId: In(ids) }, select: { id: true, nickname: true, roles: true, regionId: true, phone: { cipher: true, keyId: true, hash: true } } }),
    ]);
    // roles is a JSON column: filtered here rather than with a database-specific JSON query.
    const staffWorkers = staff
      .map((u) => ({ user: u, role: STAFF_WORKER_ROLES.find((r) => u.roles.includes(r)) }))
      .filter((w): w is { user: StaffUser; role: Role } => w.role !== undefined);
    const phones = await this.contacts.maskedPhones(staffWorkers.map((w) => w.user.id));
    const add = (regionId: string | null, worker: RegionWorkerVO) => {
      if (!regionId) return;
      const list = result.get(regionId) ?? [];
      list.push(worker);
      result.set(regionId, list);
    };
    for (const { user, role } of staffWorkers) add(user.regionId, { id: user.id, kind: 'staff', name: user.displayName, role, phone: phones.get(user.id) ?? null });
    for (const user of mp.filter((u) => u.roles.includes('grid_worker'))) {
      const phone = this.cipher.open(user.phone);
      add(user.regionId, { id: user.id, kind: 'mp', name: user.nickname, role: 'grid_worker', phone: phone ? maskPhone(phone) : null });
    }
    for (const list of result.values()) list.sort((a, b) => seniority(a.role) - seniority(b.role) || a.name.localeCompare(b.name, 'zh-CN'));
    return result;
  }
}
