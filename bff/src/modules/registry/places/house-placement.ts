import type { Principal } from '../../../core/auth/principal';
import type { ScopedRepository } from '../../../core/scope/scoped-repository';
import type { Building, BuildingUnit, Estate } from '../entities';
import { fieldError, Placement, PlacementService } from './placement';

/** Where a new house goes, as the request names it. */
export interface HousePlaceInput {
  regionId?: string;
  estateId?: string;
  buildingId?: string;
  unitId?: string;
}

/** The resolved place of a house: its region/scope and the estate structure it belongs to, if any. */
export interface HousePlace extends Placement {
  estate: Pick<Estate, 'id' | 'name'> | null;
  building: Pick<Building, 'id' | 'name'> | null;
  unit: Pick<BuildingUnit, 'id' | 'name'> | null;
}

export interface PlaceRepos {
  estates: ScopedRepository<Estate>;
  buildings: ScopedRepository<Building>;
  units: ScopedRepository<BuildingUnit>;
  /** Estate by id without scope: the estate of an in-scope building may lie wider (its community). */
  estateName: (id: string) => Promise<Pick<Estate, 'id' | 'name'> | null>;
}

/**
 * A flat inherits the region of its unit, else its building; a house directly in an estate takes the
 * estate's region or a grid inside it; a rural house needs a region of its own. The most specific
 * level named wins, so a `regionId` sent along with a unit or building is not used (the unit decides).
 */
export async function resolveHousePlace(
  actor: Principal,
  input: HousePlaceInput,
  repos: PlaceRepos,
  placement: PlacementService,
): Promise<HousePlace> {
  if (input.unitId) {
    const unit = await repos.units.get(actor, input.unitId);
    if (input.buildingId && input.buildingId !== unit.buildingId) throw fieldError('unitId', '单元不属于所选楼栋');
    const building = await repos.buildings.get(actor, unit.buildingId);
    if (input.estateId && input.estateId !== building.estateId) throw fieldError('buildingId', '楼栋不属于所选小区');
    return {
      regionId: unit.regionId,
      scopePath: unit.scopePath,
      estate: await repos.estateName(building.estateId),
      building,
      unit,
    };
  }
  if (input.buildingId) {
    const building = await repos.buildings.get(actor, input.buildingId);
    if (input.estateId && input.estateId !== building.estateId) throw fieldError('buildingId', '楼栋不属于所选小区');
    return {
      regionId: building.regionId,
      scopePath: building.scopePath,
      estate: await repos.estateName(building.estateId),
      building,
      unit: null,
    };
  }
  if (input.estateId) {
    const estate = await repos.estates.get(actor, input.estateId);
    const place = input.regionId ? await placement.placeWithin(actor, input.regionId, estate) : estate;
    return { regionId: place.regionId, scopePath: place.scopePath, estate, building: null, unit: null };
  }
  if (!input.regionId) throw fieldError('regionId', '请选择所在村（社区）或网格');
  const region = await placement.place(actor, input.regionId);
  return { regionId: region.id, scopePath: region.path, estate: null, building: null, unit: null };
}

/** 阳光小区3号楼1单元302: the display address of a flat (Chinese addresses run without spaces). */
export function composeAddress(
  place: Pick<HousePlace, 'estate' | 'building' | 'unit'>,
  roomNo: string | null,
): string | null {
  if (!place.estate) return null;
  return [place.estate.name, place.building?.name, place.unit?.name, roomNo].filter(Boolean).join('');
}
