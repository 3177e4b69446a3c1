import { Init1763700000000 } from './1763700000000-Init';
import { RegionsScopeAudit1763790000000 } from './1763790000000-RegionsScopeAudit';
// <migrations: staff-security>
// <migrations: pii-binding>
// <migrations: staff-admin>

/**
 * Every migration, in order. Add new ones at the end; never edit one that has shipped.
 * Each class carries @Provide() + singleton scope: @midwayjs/typeorm makes TypeORM instantiate
 * migrations through the Midway container, which only knows provided classes.
 */
export const migrations = [
  Init1763700000000,
  RegionsScopeAudit1763790000000,
  // <list: staff-security>
  // <list: pii-binding>
  // <list: staff-admin>
];
