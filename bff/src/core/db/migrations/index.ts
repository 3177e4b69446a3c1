import { Init1763700000000 } from './1763700000000-Init';
import { RegionsScopeAudit1763790000000 } from './1763790000000-RegionsScopeAudit';
import { StaffSecurity1763800000000 } from './1763800000000-StaffSecurity';
// <migrations: staff-security>
import { PiiBinding1763810000000 } from './1763810000000-PiiBinding';
// <migrations: pii-binding>
import { StaffAdmin1763820000000 } from './1763820000000-StaffAdmin';
// <migrations: staff-admin>
import { Registry1763900000000 } from './1763900000000-Registry';
// <migrations: registry>
import { PersonListIndexes1763910000000 } from './1763910000000-PersonListIndexes';
import { Cases1764000000000 } from './1764000000000-Cases';
import { MpRoleGrants1764100000000 } from './1764100000000-MpRoleGrants';
import { CasePublication1764100200000 } from './1764100200000-CasePublication';
// <migrations: cases>

/**
 * Every migration, in order. Add new ones at the end; never edit one that has shipped.
 * Each class carries @Provide() + singleton scope: @midwayjs/typeorm makes TypeORM instantiate
 * migrations through the Midway container, which only knows provided classes.
 */
export const migrations = [
  Init1763700000000,
  RegionsScopeAudit1763790000000,
  StaffSecurity1763800000000,
  // <list: staff-security>
  PiiBinding1763810000000,
  // <list: pii-binding>
  StaffAdmin1763820000000,
  // <list: staff-admin>
  Registry1763900000000,
  // <list: registry>
  PersonListIndexes1763910000000,
  Cases1764000000000,
  MpRoleGrants1764100000000,
  CasePublication1764100200000,
  // <list: cases>
];
