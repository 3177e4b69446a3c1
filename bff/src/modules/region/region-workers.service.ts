import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { RegionWorkerVO, Role } from '@zhili/shared';

/** Roles that make someone responsible for the region they are bound to, most senior first. */
export const REGION_WORKER_ROLES: readonly Role[] = ['village_admin', 'community_admin', 'grid_leader', 'grid_worker'];

const seniority = (role: string): number => {
  const i = REGION_WORKER_ROLES.indexOf(role as Role);
  return i < 0 ? REGION_WORKER_ROLES.length : i;
};

/** A worker with the region they are bound to. */
export interface BoundRegionWorker {
  regionId: string | null;
  worker: RegionWorkerVO;
}

/** Where workers come from (staff accounts, mini-program grid workers); the owning module registers it. */
export interface RegionWorkerSource {
  workersIn(regionIds: readonly string[]): Promise<BoundRegionWorker[]>;
}

/**
 * Who is responsible for a region (四级网格: 村/社区管理员, 网格长, 网格员): active staff accounts
 * bound to it with one of those roles, and mini-program grid workers bound to it. Phones masked.
 * The accounts live in other modules, which register a source here (region depends on none of them).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class RegionWorkersService {
  private readonly sources: RegionWorkerSource[] = [];

  register(source: RegionWorkerSource): void {
    this.sources.push(source);
  }

  /** Workers per region id (regions without workers are absent), one query per source for any number of regions. */
  async byRegion(regionIds: readonly string[]): Promise<Map<string, RegionWorkerVO[]>> {
    const ids = [...new Set(regionIds)];
    const result = new Map<string, RegionWorkerVO[]>();
    if (!ids.length) return result;
    const found = await Promise.all(this.sources.map((source) => source.workersIn(ids)));
    for (const { regionId, worker } of found.flat()) {
      if (!regionId) continue;
      const list = result.get(regionId) ?? [];
      list.push(worker);
      result.set(regionId, list);
    }
    for (const list of result.values())
      list.sort((a, b) => seniority(a.role) - seniority(b.role) || a.name.localeCompare(b.name, 'zh-CN'));
    return result;
  }
}
