import { Init, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { RegionUsageService } from '../region';
import { PartyOrg } from './org/party-org.entity';

/** A region that a party organisation serves cannot be deleted (the organisation would point nowhere). */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PartyRegionLinks {
  @Inject()
  private usage!: RegionUsageService;

  @Init()
  register(): void {
    this.usage.register({ label: '党组织', entity: PartyOrg, where: 't.region_id = :id', rank: 30 });
  }
}
