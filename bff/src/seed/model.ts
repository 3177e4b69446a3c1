import type {
  BusinessStatus,
  BusinessType,
  Gender,
  HeadRelation,
  HouseholdType,
  HouseRelation,
  HouseUse,
  HukouType,
  LngLat,
  PermitStatus,
  PolygonGeometry,
  Role,
} from '@zhili/shared';

/**
 * The generated demo town as plain data: no database, no secrets, no clock. Every record names its
 * region by the generated region id; the writer turns that into the stored region and its path.
 */

export type SeedSize = 'small' | 'full';

export type SeedRegionLevel = 'town' | 'village' | 'community' | 'grid';

export interface SeedRegion {
  id: string;
  /** 12-digit code (grids: 15 digits would not fit the column, so grids carry none). */
  code: string | null;
  name: string;
  level: SeedRegionLevel;
  parentId: string | null;
  boundary: PolygonGeometry;
  center: LngLat;
}

export interface SeedEstate {
  id: string;
  regionId: string;
  name: string;
  address: string;
  location: LngLat;
}

export interface SeedBuilding {
  id: string;
  regionId: string;
  estateId: string;
  name: string;
  floors: number;
  location: LngLat;
}

export interface SeedUnit {
  id: string;
  regionId: string;
  buildingId: string;
  name: string;
}

export interface SeedHouse {
  id: string;
  regionId: string;
  estateId: string | null;
  buildingId: string | null;
  unitId: string | null;
  address: string;
  roomNo: string | null;
  use: HouseUse;
  areaM2: number;
  location: LngLat;
}

export interface SeedHousehold {
  id: string;
  regionId: string;
  code: string;
  type: HouseholdType;
  headPersonId: string | null;
  houseId: string | null;
  address: string;
  landNote: string | null;
}

export interface SeedPerson {
  id: string;
  regionId: string;
  name: string;
  gender: Gender;
  birthDate: string;
  /** Plaintext in the model; the writer seals it. */
  idNumber: string;
  phone: string | null;
  hukouType: HukouType;
  hukouAddress: string;
  address: string;
  origin: string | null;
  arrivalDate: string | null;
  permitStatus: PermitStatus | null;
  permitExpiry: string | null;
  householdId: string | null;
  relationToHead: HeadRelation | null;
  lastVisitedAt: string | null;
}

export interface SeedPersonHouse {
  id: string;
  personId: string;
  houseId: string;
  regionId: string;
  relation: HouseRelation;
  since: string | null;
}

export interface SeedPersonTag {
  personId: string;
  regionId: string;
  tagCode: string;
  /** ISO timestamp. */
  taggedAt: string;
}

export interface SeedVisit {
  id: string;
  personId: string;
  householdId: string | null;
  regionId: string;
  /** Staff user id of the grid worker (a generated staff record). */
  visitorId: string;
  visitorName: string;
  visitedAt: string;
  note: string;
}

export interface SeedBusiness {
  id: string;
  regionId: string;
  name: string;
  creditCode: string;
  legalRepresentative: string;
  contactPhone: string;
  address: string;
  type: BusinessType;
  status: BusinessStatus;
  location: LngLat;
}

export interface SeedStaff {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  regionId: string;
}

export interface TownModel {
  size: SeedSize;
  seed: number;
  /** The reference day (YYYY-MM-DD) ages and visits are computed against. */
  today: string;
  regions: SeedRegion[];
  estates: SeedEstate[];
  buildings: SeedBuilding[];
  units: SeedUnit[];
  houses: SeedHouse[];
  households: SeedHousehold[];
  persons: SeedPerson[];
  personHouses: SeedPersonHouse[];
  personTags: SeedPersonTag[];
  visits: SeedVisit[];
  businesses: SeedBusiness[];
  staff: SeedStaff[];
}
