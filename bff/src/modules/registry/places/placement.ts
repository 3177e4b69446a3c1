import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { AppError } from '../../../core/errors/app-error';
import type { Principal } from '../../../core/auth/principal';
import { Region, RegionService } from '../../region';

/** Levels a registry record may be placed in: a community/village or one of its grids, never the town. */
const PLACEABLE: ReadonlySet<Region['level']> = new Set(['community', 'village', 'grid']);

/** Where a record lives: its region and that region's path (the record's scope_path). */
export interface Placement {
  regionId: string;
  scopePath: string;
}

/** 400 with one field message, the shape the forms show beside the field. */
export function fieldError(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', undefined, [{ field, message }]);
}

/**
 * Resolves the `regionId` of a request body into a placement. The region must lie in the caller's
 * scope (404 otherwise, so other villages cannot be probed) and be a community, village or grid.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PlacementService {
  @Inject()
  private regions!: RegionService;

  async place(principal: Principal, regionId: string, field = 'regionId'): Promise<Region> {
    const region = await this.regions.getInScope(principal, regionId);
    if (!PLACEABLE.has(region.level)) throw fieldError(field, '只能登记到社区、村或网格');
    return region;
  }

  /**
   * A grid inside `parent` (a record placed more precisely than its parent record, e.g. a building
   * in one grid of the estate's community). The parent's own region is accepted too.
   */
  async placeWithin(principal: Principal, regionId: string, parent: Placement, field = 'regionId'): Promise<Placement> {
    if (regionId === parent.regionId) return parent;
    const region = await this.place(principal, regionId, field);
    if (region.level !== 'grid' || !region.path.startsWith(parent.scopePath)) {
      throw fieldError(field, '只能选择所属小区所在区域内的网格');
    }
    return { regionId: region.id, scopePath: region.path };
  }

  /** Region names by id, for the views. */
  async names(ids: readonly string[]): Promise<Map<string, string>> {
    return new Map((await this.regions.findByIds(ids)).map((r) => [r.id, r.name]));
  }

  /** Path of a region used as a list filter; it must be in scope (404 otherwise). */
  async filterPath(principal: Principal, regionId: string | undefined): Promise<string | undefined> {
    if (!regionId) return undefined;
    return (await this.regions.getInScope(principal, regionId)).path;
  }
}
