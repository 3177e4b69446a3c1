import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type {
  BoundaryGeometry,
  RegionDetailVO,
  RegionFeature,
  RegionFeatureCollection,
  RegionOverviewVO,
} from '@zhili/shared';
import type { Principal } from '../../core/auth/principal';
import { scopePrefix } from '../../core/scope/data-scope';
import { Acting, AuditActorService } from '../../core/audit';
import type { Region } from './region.entity';
import { RegionService } from './region.service';
import { RegionStatsService } from './region-stats.service';
import { RegionWorkersService } from './region-workers.service';
import { boundaryOf, centerOf, toRegionVO } from './region-view';

/** Read models of regions: detail, village overview and the map's FeatureCollection, all scoped. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class RegionViewsService {
  @Inject()
  private regions!: RegionService;

  @Inject()
  private stats!: RegionStatsService;

  @Inject()
  private workers!: RegionWorkersService;

  @Inject()
  private audit!: AuditActorService;

  async detail(principal: Principal, id: string): Promise<RegionDetailVO> {
    const region = await this.regions.getInScope(principal, id);
    const [children, workers] = await Promise.all([this.regions.children(id), this.workers.byRegion([id])]);
    return {
      ...toRegionVO(region),
      boundary: boundaryOf(region),
      workers: workers.get(id) ?? [],
      childCount: children.length,
    };
  }

  /** Counts of a region's subtree and of each direct child (grids of a village), in a few GROUP BY queries. */
  async overview(principal: Principal, id: string): Promise<RegionOverviewVO> {
    const region = await this.regions.getInScope(principal, id);
    const [children, tallies, personsByTag] = await Promise.all([
      this.regions.children(id),
      this.stats.tallies(region.path),
      this.stats.personsByTag(region.path),
    ]);
    const own = tallies.rollup(region.path);
    return {
      region: toRegionVO(region),
      counts: own.counts,
      householdsByType: own.householdsByType,
      personsByTag,
      floatingPersons: own.floatingPersons,
      children: children.map((child) => {
        const t = tallies.rollup(child.path);
        return { region: toRegionVO(child), counts: t.counts, householdsByType: t.householdsByType };
      }),
    };
  }

  /**
   * The regions under `rootId` (the caller's own region when omitted) that have a boundary, as
   * GeoJSON Features with counts and workers in their properties.
   */
  async featureCollection(principal: Principal, rootId?: string): Promise<RegionFeatureCollection> {
    const root = await this.rootOf(principal, rootId);
    if (!root) return { type: 'FeatureCollection', features: [] };
    const mapped = (await this.regions.subtree(root.path)).filter((r) => r.boundary !== null);
    const [tallies, workers] = await Promise.all([
      this.stats.tallies(root.path),
      this.workers.byRegion(mapped.map((r) => r.id)),
    ]);
    const features = mapped.map((r): RegionFeature => ({
      type: 'Feature',
      id: r.id,
      // Filtered above: every mapped region has a boundary.
      geometry: boundaryOf(r) as BoundaryGeometry,
      properties: {
        id: r.id,
        name: r.name,
        level: r.level,
        parentId: r.parentId,
        code: r.code,
        center: centerOf(r),
        counts: tallies.rollup(r.path).counts,
        workers: (workers.get(r.id) ?? []).map(({ name, role }) => ({ name, role })),
      },
    }));
    return { type: 'FeatureCollection', features };
  }

  /** featureCollection as a download; the export is audited. */
  async exportCollection(acting: Acting, rootId?: string): Promise<RegionFeatureCollection> {
    const collection = await this.featureCollection(acting.actor, rootId);
    await this.audit.record(acting, {
      action: 'region.export',
      resourceType: 'region',
      resourceId: rootId ?? null,
      result: 'success',
      detail: { format: 'geojson', features: collection.features.length },
    });
    return collection;
  }

  private async rootOf(principal: Principal, rootId?: string): Promise<Region | null> {
    if (rootId) return this.regions.getInScope(principal, rootId);
    const prefix = scopePrefix(principal);
    const own = prefix?.split('/').filter(Boolean).pop();
    return own ? this.regions.getInScope(principal, own) : null;
  }
}
