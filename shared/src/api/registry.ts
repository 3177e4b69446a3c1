/**
 * Wire shapes of the registry and region APIs (#4), shared by the BFF, the admin and the
 * mini-program. Lists answer `ApiList<T>` (`{ data, page }`); everything else `ApiSuccess<T>`.
 * Personal data in these shapes is always masked; unmasked values only come from the audited
 * `/pii` endpoints.
 */
import type {
  BusinessStatus,
  BusinessType,
  Gender,
  HeadRelation,
  HouseholdType,
  HouseRelation,
  HouseUse,
  HukouType,
  PermitStatus,
  PersonStatus,
  VisitDueStatus,
} from '../domain/registry';

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

/** A staff member or mini-program grid worker responsible for a region. */
export interface RegionWorkerVO {
  id: string;
  /** `staff` = admin account, `mp` = mini-program grid worker. */
  kind: 'staff' | 'mp';
  name: string;
  /** grid_leader | grid_worker | village_admin | community_admin … */
  role: string;
  /** Masked mobile, when known. */
  phone: string | null;
}

/** `GET /api/admin/regions` item (flat, parents before children). */
export interface RegionVO {
  id: string;
  name: string;
  level: RegionLevelName;
  parentId: string | null;
  path: string;
  code: string | null;
  center: LngLat | null;
  hasBoundary: boolean;
}

/** `GET /api/admin/regions/:id`. */
export interface RegionDetailVO extends RegionVO {
  boundary: BoundaryGeometry | null;
  workers: RegionWorkerVO[];
  /** Number of direct children. */
  childCount: number;
}

/** Counts of one region's subtree. */
export interface RegionCounts {
  persons: number;
  households: number;
  houses: number;
  businesses: number;
}

/**
 * `GET /api/admin/regions/geojson?rootId=` — a FeatureCollection of the regions under root (root
 * included) that have boundaries, one Feature per region, `id` = region id.
 */
export interface RegionFeatureProperties {
  id: string;
  name: string;
  level: RegionLevelName;
  parentId: string | null;
  code: string | null;
  center: LngLat | null;
  counts: RegionCounts;
  workers: Pick<RegionWorkerVO, 'name' | 'role'>[];
}
export interface RegionFeature {
  type: 'Feature';
  id: string;
  geometry: BoundaryGeometry;
  properties: RegionFeatureProperties;
}
export interface RegionFeatureCollection {
  type: 'FeatureCollection';
  features: RegionFeature[];
}

/** `GET /api/admin/regions/resolve?lng=&lat=` (and used by case intake in #5). */
export interface RegionResolveVO {
  /** The grid containing the point, or the nearest within tolerance; null when none. */
  regionId: string | null;
  name: string | null;
  path: string | null;
  /** true = inside the boundary (edges count as inside); false = nearest within tolerance. */
  exact: boolean;
  /** Distance in metres to the boundary (0 when exact). */
  distanceM: number;
}

/** `GET /api/admin/regions/:id/overview` — village / community overview. */
export interface RegionOverviewVO {
  region: RegionVO;
  counts: RegionCounts;
  householdsByType: Record<HouseholdType, number>;
  /** Active persons per tag code. */
  personsByTag: { code: string; name: string; count: number }[];
  floatingPersons: number;
  /** The same counts per direct child region (grids of a village). */
  children: { region: RegionVO; counts: RegionCounts; householdsByType: Record<HouseholdType, number> }[];
}

/** `POST /api/admin/regions/import` body: a FeatureCollection; `dryRun` reports without saving. */
export interface BoundaryImportReport {
  dryRun: boolean;
  /** Features matched to an existing region (by properties.id, then code, then name under parentId). */
  matched: number;
  updated: number;
  errors: { feature: number; message: string }[];
}

export interface EstateVO {
  id: string;
  name: string;
  address: string | null;
  regionId: string;
  regionName: string;
  buildingCount: number;
  houseCount: number;
}

export interface BuildingVO {
  id: string;
  estateId: string;
  estateName: string;
  name: string;
  floors: number | null;
  regionId: string;
  regionName: string;
  unitCount: number;
  houseCount: number;
}

export interface BuildingUnitVO {
  id: string;
  buildingId: string;
  name: string;
  houseCount: number;
}

export interface HouseVO {
  id: string;
  regionId: string;
  regionName: string;
  estateId: string | null;
  buildingId: string | null;
  unitId: string | null;
  /** e.g. 阳光小区 3号楼 1单元 302, or 幸福村 12号 for rural houses. */
  address: string;
  roomNo: string | null;
  use: HouseUse;
  areaM2: number | null;
  residentCount: number;
}

export interface HouseDetailVO extends HouseVO {
  residents: { personId: string; name: string; relation: HouseRelation; since: string | null; idNumber: string | null; phone: string | null }[];
}

export interface PersonVO {
  id: string;
  name: string;
  gender: Gender;
  /** YYYY-MM-DD */
  birthDate: string | null;
  age: number | null;
  /** Masked (`110***********1234`). */
  idNumber: string | null;
  /** Masked (`138****5678`). */
  phone: string | null;
  hukouType: HukouType;
  status: PersonStatus;
  regionId: string;
  regionName: string;
  householdId: string | null;
  relationToHead: HeadRelation | null;
  /** Tag codes. */
  tags: string[];
  address: string | null;
}

export interface PersonDetailVO extends PersonVO {
  hukouAddress: string | null;
  /** Floating population registration. */
  floating: { origin: string | null; arrivalDate: string | null; permitStatus: PermitStatus; permitExpiry: string | null } | null;
  houses: { houseId: string; address: string; relation: HouseRelation; since: string | null }[];
  household: { id: string; type: HouseholdType; headName: string | null; address: string | null } | null;
  tagDetails: { code: string; name: string; color: string; taggedAt: string }[];
  visits: VisitVO[];
  visitDue: { status: VisitDueStatus; dueAt: string; overdueDays: number } | null;
  note: string | null;
}

/** `GET /api/admin/persons/:id/pii` (permission person:pii:read, audited). */
export interface PersonPiiVO {
  idNumber: string | null;
  phone: string | null;
}

export interface HouseholdVO {
  id: string;
  code: string | null;
  type: HouseholdType;
  regionId: string;
  regionName: string;
  headPersonId: string | null;
  headName: string | null;
  address: string | null;
  memberCount: number;
}

export interface HouseholdDetailVO extends HouseholdVO {
  houseId: string | null;
  landNote: string | null;
  members: (PersonVO & { relationToHead: HeadRelation | null })[];
}


export interface VisitVO {
  id: string;
  personId: string;
  personName: string;
  householdId: string | null;
  visitorName: string;
  /** ISO 8601 */
  visitedAt: string;
  note: string;
  /** Photos with short-lived signed URLs (`/api/files/:id?exp=&sig=`), usable in <img>/<Image>. */
  photos: StoredFileVO[];
}

/** An item of `GET .../visits/due`: a person with care tags whose next visit is due. */
export interface VisitDueVO {
  personId: string;
  name: string;
  /** Masked. */
  phone: string | null;
  address: string | null;
  regionId: string;
  regionName: string;
  householdId: string | null;
  tags: { code: string; name: string; color: string }[];
  status: VisitDueStatus;
  dueAt: string;
  overdueDays: number;
  lastVisitedAt: string | null;
}

export interface BusinessVO {
  id: string;
  name: string;
  /** 统一社会信用代码 (public information, not masked). */
  creditCode: string;
  legalRepresentative: string | null;
  /** Masked contact phone. */
  contactPhone: string | null;
  address: string | null;
  type: BusinessType;
  status: BusinessStatus;
  regionId: string;
  regionName: string;
  location: LngLat | null;
}

export type ImportKind = 'persons' | 'households';

/** A row-level problem found by an import dry run (row numbers as Excel shows them, header = 1). */
export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

/** `GET /api/admin/registry/imports/:id` — progress and result of an import job. */
export interface ImportJobVO {
  id: string;
  kind: ImportKind;
  dryRun: boolean;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  /** 0–100 */
  progress: number;
  totalRows: number;
  processedRows: number;
  /** Rows that would be / were written (0 when any error: imports are all-or-nothing). */
  importedRows: number;
  errors: ImportRowError[];
  /** Errors beyond the first 500 are counted, not listed. */
  errorCount: number;
  message: string | null;
  fileName: string;
  createdAt: string;
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

export interface MpGridOverviewVO {
  region: { id: string; name: string; path: string } | null;
  counts: RegionCounts;
  householdsByType: Record<HouseholdType, number>;
  visitsDue: VisitDueCounts;
}

/** An uploaded file: `POST /api/mp/files` or `/api/admin/files` (multipart field `file`). */
export interface StoredFileVO {
  id: string;
  mime: string;
  sizeBytes: number;
  /** Signed, expiring URL (10 min) relative to the BFF origin. */
  url: string;
}
