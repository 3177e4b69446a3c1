import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { HouseholdType } from '@zhili/shared';
import type { RegionCounts } from '@zhili/shared';

/** Counts of the records whose scope_path is exactly one path (before rolling up a subtree). */
export interface PathTally {
  counts: RegionCounts;
  householdsByType: Record<HouseholdType, number>;
  floatingPersons: number;
}

export const emptyByType = (): Record<HouseholdType, number> => ({ resident: 0, floating: 0, empty: 0 });
export const emptyTally = (): PathTally => ({
  counts: { persons: 0, households: 0, houses: 0, businesses: 0 },
  householdsByType: emptyByType(),
  floatingPersons: 0,
});

/** Tallies of a subtree, one per distinct scope_path: a handful of GROUP BY queries, rolled up in memory. */
export class SubtreeTallies {
  constructor(readonly byPath: ReadonlyMap<string, PathTally>) {}

  /** Sum over the records at `path` and below. */
  rollup(path: string): PathTally {
    const total = emptyTally();
    for (const [p, t] of this.byPath) {
      if (!p.startsWith(path)) continue;
      total.counts.persons += t.counts.persons;
      total.counts.households += t.counts.households;
      total.counts.houses += t.counts.houses;
      total.counts.businesses += t.counts.businesses;
      total.floatingPersons += t.floatingPersons;
      for (const type of Object.values(HouseholdType)) total.householdsByType[type] += t.householdsByType[type];
    }
    return total;
  }
}

/** Active persons carrying one tag. */
export interface TagCount {
  code: string;
  name: string;
  count: number;
}

/** Where the numbers come from: the registry module registers itself (region does not import it). */
export interface RegionStatsSource {
  tallies(path: string): Promise<SubtreeTallies>;
  personsByTag(path: string): Promise<TagCount[]>;
}

/**
 * Registry statistics of a region subtree (village overview, map properties, dashboard), answered
 * by the source the registry module registers at start.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class RegionStatsService implements RegionStatsSource {
  private source?: RegionStatsSource;

  register(source: RegionStatsSource): void {
    this.source = source;
  }

  tallies(path: string): Promise<SubtreeTallies> {
    return this.registered().tallies(path);
  }

  personsByTag(path: string): Promise<TagCount[]> {
    return this.registered().personsByTag(path);
  }

  private registered(): RegionStatsSource {
    if (!this.source)
      throw new Error('No region statistics source: the registry manifest registers RegistryRegionStats at start');
    return this.source;
  }
}
