/**
 * Wire shapes of the registry and region APIs (#4), shared by the BFF, the admin and the
 * mini-program. Lists answer `ApiList<T>` (`{ data, page }`); everything else `ApiSuccess<T>`.
 * Personal data in these shapes is always masked; unmasked values only come from the audited
 * `/pii` endpoints.
 */

/** Moved to the contract (schemas there); named here too for modules that import this file directly. */
export type { BusinessVO } from '../contract/registry/businesses';
export type { VisitDueVO, VisitVO } from '../contract/registry/visits';
export type { PersonDetailVO, PersonPiiVO, PersonVO } from '../contract/registry/person-views';
export type { HouseholdDetailVO, HouseholdVO } from '../contract/registry/households';
export type { ImportJobVO } from '../contract/registry/transfer';
export type { BuildingUnitVO, BuildingVO, EstateVO, HouseDetailVO, HouseVO } from '../contract/registry/places';

/** GeoJSON geometry of a boundary, coordinates `[lng, lat]` in GCJ-02. */
export type LngLat = [number, number];
export interface PolygonGeometry {
  type: 'Polygon';
  /** Outer ring first, then holes; each ring closed (first point = last point). */
  coordinates: LngLat[][];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: LngLat[][][];
}
export type BoundaryGeometry = PolygonGeometry | MultiPolygonGeometry;

export type RegionLevelName = 'town' | 'community' | 'village' | 'grid';

// Region shapes (RegionVO, RegionDetailVO, RegionFeatureCollection, …) live in contract/region.ts.

export type ImportKind = 'persons' | 'households';

/** A row-level problem found by an import dry run (row numbers as Excel shows them, header = 1). */
export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

/** Mini-program grid worker: `GET /api/mp/grid/overview`. */
/**
 * Visits due in a scope, per status, and `total` = the persons on the 走访待办 list (its default
 * filter: overdue + due + upcoming). The BFF counts all four in one pass over one computation, so a
 * page never adds the figures up by a rule of its own.
 */
export interface VisitDueCounts {
  overdue: number;
  due: number;
  upcoming: number;
  total: number;
}

export type { MpGridOverviewVO } from '../contract/mp-grid';

export type { StoredFileVO } from '../contract/file';
