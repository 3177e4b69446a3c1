import { Init, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { RegionUsageService, SUBTREE } from '../region';
import { Building, BuildingUnit, Business, Estate, House, Household, Person } from './entities';

/** A region whose subtree still holds registry records cannot be deleted. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class RegistryRegionLinks {
  @Inject()
  private usage!: RegionUsageService;

  @Init()
  register(): void {
    this.usage.register(
      { label: '小区', entity: Estate, where: SUBTREE, rank: 10 },
      { label: '楼栋', entity: Building, where: SUBTREE, rank: 11 },
      { label: '单元', entity: BuildingUnit, where: SUBTREE, rank: 12 },
      { label: '房屋', entity: House, where: SUBTREE, rank: 13 },
      { label: '居民', entity: Person, where: SUBTREE, rank: 14 },
      { label: '农户', entity: Household, where: SUBTREE, rank: 15 },
      { label: '经营单位', entity: Business, where: SUBTREE, rank: 16 },
    );
  }
}
